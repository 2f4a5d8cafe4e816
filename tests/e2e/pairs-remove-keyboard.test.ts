import { describe, expect, it } from 'vitest';
import { useUiSession } from './support/ui';

const s = useUiSession();

const focusedLabel = () =>
  s.page.evaluate(
    () =>
      document.activeElement?.getAttribute('aria-label') ??
      document.activeElement?.getAttribute('data-testid') ??
      document.activeElement?.tagName,
  );

describe('a name/value table, by keyboard', () => {
  it('keeps the focus in the table when a row is removed with its button, the last row included', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    await page.getByRole('tab', { name: /^Headers/ }).click();
    const add = page.getByTestId('compose-headers-add');
    await add.click();
    await add.click();
    await page.getByLabel('Header 1', { exact: true }).fill('X-One');
    await page.getByLabel('Header 2', { exact: true }).fill('X-Two');

    // The last row's button goes with its row: the focus moves to the row now last.
    await page.getByLabel('Remove X-Two').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Header 2', { exact: true }).waitFor({ state: 'detached' });
    expect(await focusedLabel()).toBe('Remove X-One');

    // No row left: the focus goes to "+ Add".
    await page.keyboard.press('Enter');
    await page.getByLabel('Header 1', { exact: true }).waitFor({ state: 'detached' });
    expect(await focusedLabel()).toBe('compose-headers-add');
  });
});
