import { expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

it('takes the keyboard back to the refused status box when Add is pressed again with the same value', async () => {
  const { page } = s;
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  await page.getByTestId('filter-status').click();
  const exact = page.getByTestId('status-exact');
  const add = page.locator('.popover button', { hasText: 'Add' });
  await exact.fill('abc');
  await add.click();
  await eventually(async () => expect(await focused()).toBe('status-exact'));

  // Add pressed again, the value still wrong: the same refusal, and the keyboard goes back to the box again.
  await add.focus();
  await add.click();
  await eventually(async () => expect(await focused()).toBe('status-exact'));
  expect(await page.getByTestId('status-exact-error').innerText()).toBe(
    'Status: a three-digit code from 100 to 599, such as 404, or a class from 1xx to 5xx',
  );
});
