import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('the undo notice, used with the mouse', () => {
  const s = useUiSession();

  const paths = () => s.page.locator('.row[data-capture-id] .cell.path').allInnerTexts();
  const listFocused = () =>
    s.page.evaluate(() => document.activeElement === document.querySelector('[data-testid="capture-list"]'));

  /** Deletes the selected capture with the keyboard, which shows the notice. */
  async function deleteOne(path: string): Promise<void> {
    await row(s.page, path).click();
    await s.page.keyboard.press('Delete');
    await s.page.getByTestId('undo-toast').waitFor();
  }

  it('Undo gives the focus back to the list, where Delete goes on working', async () => {
    const { page } = s;
    for (const n of [1, 2, 3]) await send(s.app.receiverUrl, `/focus-undo/${n}`, { body: `{"n":${n}}` });
    await eventually(async () =>
      expect(await paths()).toEqual(['/focus-undo/3', '/focus-undo/2', '/focus-undo/1']),
    );
    await deleteOne('/focus-undo/2');
    await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
    await eventually(async () =>
      expect(await paths()).toEqual(['/focus-undo/3', '/focus-undo/2', '/focus-undo/1']),
    );
    await eventually(async () =>
      expect(await page.locator('.row.active .cell.path').innerText()).toBe('/focus-undo/2'),
    );
    expect(await listFocused()).toBe(true);
    // Delete is the list's key alone: with the focus lost on the page it did nothing.
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await paths()).toEqual(['/focus-undo/3', '/focus-undo/1']));
  });

  it('Dismiss gives the focus back to the list', async () => {
    await send(s.app.receiverUrl, '/focus-dismiss', { body: '{}' });
    await row(s.page, '/focus-dismiss').waitFor();
    await deleteOne('/focus-dismiss');
    await s.page.getByTestId('undo-toast').getByRole('button', { name: 'Dismiss' }).click();
    expect(await s.page.getByTestId('undo-toast').count()).toBe(0);
    expect(await listFocused()).toBe(true);
  });
});
