import { describe, expect, it } from 'vitest';
import { eventually, selectCapture, send, useUiSession } from './support/ui';

// The export dialog's two scope radios had no shared name and no group around them (unlike the app's other radio
// sets): a screen reader heard two unrelated radios with no label saying what they choose.
describe('the export dialog’s scope', () => {
  const s = useUiSession();

  it('is one radio group, labelled, that the arrow keys move through', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/scope/keys', { method: 'POST', body: '{}' });
    await selectCapture(page, '/scope/keys');
    await page.getByTestId('transfer-button').click();
    const dialog = page.getByTestId('transfer-dialog');
    const selected = dialog.getByRole('radio', { name: /^Selected/ });
    const filter = dialog.getByRole('radio', { name: /^Current filter/ });
    await filter.check();
    await filter.focus();
    await page.keyboard.press('ArrowUp');
    await eventually(async () => expect(await selected.isChecked()).toBe(true));
    expect(await selected.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await filter.isChecked()).toBe(true));
    expect(await dialog.getByRole('radiogroup', { name: 'Export scope' }).getByRole('radio').count()).toBe(2);
  });
});
