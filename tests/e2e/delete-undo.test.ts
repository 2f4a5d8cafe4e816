import { beforeEach, describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('delete and undo', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
    await s.page.locator('[data-testid="empty-state"]').waitFor();
  });

  it('a delete that fails keeps the earlier delete undoable, and says why beside the offer', async () => {
    const { page } = s;
    for (const n of [1, 2]) await send(s.app.receiverUrl, `/kept-offer/${n}`, { method: 'POST', body: '{}' });
    await row(page, '/kept-offer/1').click();
    await page.locator('.detail-pane .btn-danger').click();
    const toast = page.getByTestId('undo-toast');
    await eventually(async () => expect(await toast.innerText()).toContain('Deleted 1 capture'));

    // The store refuses writes (a read-only database), so the engine fails the second delete.
    const { db } = s.app.engine.ctx;
    db.pragma('query_only = ON');
    try {
      await row(page, '/kept-offer/2').click();
      await page.locator('.detail-pane .btn-danger').click();
      await eventually(async () => expect(await toast.innerText()).toContain('Could not delete:'));
    } finally {
      db.pragma('query_only = OFF');
    }
    expect(await toast.innerText()).toContain('Deleted 1 capture');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await row(page, '/kept-offer/1').waitFor();
    expect(await row(page, '/kept-offer/2').count()).toBe(1);
  });
});
