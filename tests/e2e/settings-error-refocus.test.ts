import { expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

it('takes the keyboard back to the refused setting when the same refusal comes again on the next save', async () => {
  const { page } = s;
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
  await page.getByTestId('settings-toggle').click();
  const panel = page.getByTestId('settings-panel');
  const keep = panel.getByLabel('Keep at most (captures)');
  await keep.fill('lots');
  await panel.getByTestId('settings-save').click();
  await eventually(async () => expect(await focused()).toBe('Keep at most (captures)'));

  // Save pressed again with the value still wrong: the same refusal, and the keyboard goes back to the field again.
  await panel.getByTestId('settings-save').focus();
  await panel.getByTestId('settings-save').click();
  await eventually(async () => expect(await focused()).toBe('Keep at most (captures)'));
  expect(await panel.getByRole('alert').innerText()).toBe(
    'Keep at most (captures): "lots" is not a whole number of captures from 1 to 1,000,000,000.',
  );
  await keep.fill('');
});
