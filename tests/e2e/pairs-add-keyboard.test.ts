import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('a name/value table, by keyboard', () => {
  it('"+ Add" gives its new row the focus, so a header can be typed straight in', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    await page.getByRole('tab', { name: /^Headers/ }).click();
    await page.getByTestId('compose-headers-add').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('X-Typed');
    await page.keyboard.press('Tab');
    await page.keyboard.type('by keyboard');
    expect(await page.getByLabel('Header 1', { exact: true }).inputValue()).toBe('X-Typed');
    await eventually(async () =>
      expect(await page.getByTestId('preview-text').innerText()).toContain('X-Typed: by keyboard'),
    );

    // A second row too, not the first again.
    await page.getByTestId('compose-headers-add').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('X-Second');
    expect(await page.getByLabel('Header 2', { exact: true }).inputValue()).toBe('X-Second');
    expect(await page.getByLabel('Header 1', { exact: true }).inputValue()).toBe('X-Typed');
  });
});
