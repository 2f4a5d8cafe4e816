import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../electron/shared/contract/captures';
import { storeCaptures } from './support/many-captures';
import { eventually, useUiSession } from './support/ui';

type Page = { items: CaptureSummary[]; nextCursor: number | null };
type Answer = { ok: true; value: Page } | { ok: false; error: { message: string } };

describe('capture list, opened on a capture below the first page (#sel=)', () => {
  const s = useUiSession();
  beforeAll(() => storeCaptures(s.app, s.page, 1000, (i) => `/linked-${i}`));

  /** Opens the UI on the capture at `/linked-<n>`, far below the 200 rows loaded first. */
  async function openOn(n: number, filter = ''): Promise<void> {
    const listed: CaptureSummary[] = [];
    let cursor: number | null = null;
    do {
      const page: Answer = await s.app.rpc<Page>('captures.list', { cursor, limit: 500 });
      if (!page.ok) throw new Error(page.error.message);
      listed.push(...page.value.items);
      cursor = page.value.nextCursor;
    } while (cursor !== null);
    const linked = listed.find((c) => c.path === `/linked-${n}`)!;
    // A new page load, as a shared link or a bookmark opens it (going to another hash alone keeps the loaded rows).
    await s.page.goto(`${s.app.uiUrl}#sel=${linked.id}${filter}`);
    await s.page.reload();
    await s.page.locator(`.detail-pane[data-capture-id="${linked.id}"]`).waitFor();
    await s.page.locator('.row[data-capture-id]').first().waitFor();
  }

  it('↓ goes to the next older capture, not to the newest', async () => {
    await openOn(300);
    await s.page.keyboard.press('ArrowDown');
    await eventually(async () =>
      expect(await s.page.locator('.row.active .cell.path').innerText()).toBe('/linked-299'),
    );
  });

  it('↑ goes to the next newer capture', async () => {
    await openOn(300);
    await s.page.keyboard.press('ArrowUp');
    await eventually(async () =>
      expect(await s.page.locator('.row.active .cell.path').innerText()).toBe('/linked-301'),
    );
  });

  it('Delete moves on to the next older capture, not to the newest', async () => {
    await openOn(500);
    await s.page.locator('[data-testid="capture-list"]').focus();
    await s.page.keyboard.press('Delete');
    await eventually(async () =>
      expect(await s.page.locator('.row.active .cell.path').innerText()).toBe('/linked-499'),
    );
    await s.page.locator('.detail-pane[data-capture-id] .detail-path', { hasText: '/linked-499' }).waitFor();
    expect(await s.page.getByTestId('undo-toast').innerText()).toContain('Deleted 1 capture');
  });

  it('Delete of a capture the filter hides moves on to the next older capture listed', async () => {
    // `-990` lists every capture but /linked-990, which stays open in the detail.
    await openOn(990, '&q=-990');
    await s.page.locator('.row[data-capture-id]', { hasText: '/linked-991' }).waitFor();
    await s.page.locator('[data-testid="capture-list"]').focus();
    await s.page.keyboard.press('Delete');
    await eventually(async () =>
      expect(await s.page.locator('.row.active .cell.path').innerText()).toBe('/linked-989'),
    );
  });
});
