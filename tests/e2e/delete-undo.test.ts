import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

describe('delete and undo in two windows', () => {
  const s = useUiSession();

  it('after one window deletes and undoes, both list and count what the store holds, without waiting for a refresh', async () => {
    for (const n of [1, 2, 3, 4])
      await send(s.app.receiverUrl, `/two-tabs/${n}`, { method: 'POST', body: '{}' });
    // The undoing window has a browser context of its own, for its clock: its timers run only when the test moves the
    // clock, by less than 5 s in all, so the status bar's 5-second refresh never runs there.
    const context = await s.browser.newContext();
    const undoing = await context.newPage();
    const pages = [s.page, undoing];
    const paths = (page: Page) => page.locator('.row[data-capture-id] .cell.path').allInnerTexts();
    const expectBoth = async (listed: string[]) => {
      const stored = await s.app.rpc<{ count: number }>('captures.count', {});
      expect(stored.ok && stored.value.count).toBe(listed.length);
      for (const page of pages)
        await eventually(async () => {
          expect(await paths(page)).toEqual(listed);
          expect(await page.getByTestId('result-count').innerText()).toBe(`${listed.length} captures`);
          expect(await page.getByTestId('stat-count').innerText()).toBe(`${listed.length} captures`);
        });
    };
    /**
     * Moves the undoing window's clock a little at a time until its list shows `listed`, then `ms` more in steps, so
     * that what each step's timers render can start the next timer (arrivals reach the status bar through two 1 s
     * throttles, deletions through one).
     */
    const settle = async (listed: string[], ms: number) => {
      await eventually(async () => {
        await undoing.clock.runFor(50);
        expect(await paths(undoing)).toEqual(listed);
      });
      for (let run = 0; run < ms; run += 100) await undoing.clock.runFor(100);
    };
    try {
      await undoing.clock.install();
      await undoing.clock.pauseAt(Date.now() + 1_000);
      await undoing.goto(s.app.uiUrl);
      await undoing.locator('.status-bar .conn-open').waitFor();
      const all = ['/two-tabs/4', '/two-tabs/3', '/two-tabs/2', '/two-tabs/1'];
      await expectBoth(all);

      await row(undoing, '/two-tabs/3').click();
      await undoing.keyboard.press('Shift+ArrowDown');
      await undoing.locator('[data-testid="capture-list"]').focus();
      await undoing.keyboard.press('Delete');
      await settle(['/two-tabs/4', '/two-tabs/1'], 1_200);
      await expectBoth(['/two-tabs/4', '/two-tabs/1']);

      await undoing.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
      await settle(all, 2_200);
      await expectBoth(all);
    } finally {
      await context.close();
    }
  });
});
