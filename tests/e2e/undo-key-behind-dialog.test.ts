import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

// A modal dialog keeps the keyboard (use-modal-focus.ts): Ctrl+Z pressed in it must not undo a delete behind it.
describe('Ctrl+Z while a modal dialog is open', () => {
  const s = useUiSession();

  it('leaves the delete behind the dialog as it is, still offered for Undo', async () => {
    const { page } = s;
    // One stays listed: with none, the list (and its Export / Import button) gives way to the empty page.
    await send(s.app.receiverUrl, '/kept', { body: '{}' });
    await send(s.app.receiverUrl, '/undo-behind-dialog', { body: '{}' });
    await row(page, '/undo-behind-dialog').click();
    await page.keyboard.press('Delete');
    await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).waitFor();
    await page.getByTestId('transfer-button').click();
    const dialog = page.getByTestId('transfer-dialog');
    await dialog.getByRole('button', { name: 'Close' }).first().focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await dialog.count()).toBe(0));
    const listed = await s.app.rpc<{ items: Array<{ path: string }> }>('captures.list', { limit: 10 });
    expect(listed.ok && listed.value.items.map((c) => c.path)).toEqual(['/kept']);
    expect(await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).count()).toBe(1);
  });
});
