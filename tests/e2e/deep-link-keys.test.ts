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
  async function openOn(n: number): Promise<void> {
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
    await s.page.goto(`${s.app.uiUrl}#sel=${linked.id}`);
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
});
