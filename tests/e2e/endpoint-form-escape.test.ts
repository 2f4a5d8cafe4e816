import { expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

it('Escape closes the endpoint form as Cancel does, and keeps typed edits for the next time it opens', async () => {
  const { page } = s;
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const form = page.getByTestId('endpoint-form');
  await page.locator('.view-tab[data-view="endpoints"]').click();

  // Nothing typed: Escape cancels, and the keyboard goes back to what opened the form.
  await page.getByTestId('endpoint-new').click();
  await form.waitFor();
  await page.keyboard.press('Escape');
  await eventually(async () => expect(await form.count()).toBe(0));
  expect(await focused()).toBe('endpoint-new');

  // Typed and not saved: Escape closes it too, and as the settings panel does, the edits come back when it reopens.
  await page.getByTestId('endpoint-new').click();
  await page.getByTestId('endpoint-name').fill('Half typed');
  await page.getByTestId('rule-delay').focus();
  await page.keyboard.press('Escape');
  await eventually(async () => expect(await form.count()).toBe(0));
  await page.getByTestId('endpoint-new').click();
  expect(await page.getByTestId('endpoint-name').inputValue()).toBe('Half typed');

  // Cancel still discards them.
  await page.getByTestId('endpoint-cancel').click();
  await page.getByTestId('endpoint-new').click();
  expect(await page.getByTestId('endpoint-name').inputValue()).toBe('');
  await page.getByTestId('endpoint-cancel').click();
});
