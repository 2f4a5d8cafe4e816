import { expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

it('takes the keyboard back to the refused field when the same refusal comes again on the next save', async () => {
  const { page } = s;
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  await page.locator('.view-tab[data-view="endpoints"]').click();
  await page.getByTestId('endpoint-new').click();
  await page.getByTestId('endpoint-name').fill('Twice');
  await page.getByTestId('endpoint-slug').fill('twice');
  await page.getByTestId('rule-delay').fill('soon');
  await page.getByTestId('endpoint-name').focus();
  await page.keyboard.press('Enter');
  await eventually(async () => expect(await focused()).toBe('rule-delay'));

  // Back in another field, the delay still wrong: Enter again is refused the same way, and says where once more.
  await page.getByTestId('endpoint-slug').focus();
  await page.keyboard.press('Enter');
  await eventually(async () => expect(await focused()).toBe('rule-delay'));
  expect(await page.getByTestId('endpoint-error').innerText()).toBe(
    'Delay: whole milliseconds from 0 to 120000',
  );
  await page.locator('[data-testid="endpoint-form"] button', { hasText: 'Cancel' }).click();
});
