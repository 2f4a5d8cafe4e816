import type { ApiClient } from '../../api';
import type { CaptureFilter, CaptureSummary } from '../../../../electron/shared/contract/captures';

/** The most rows `captures.list` answers at once. */
const MAX_PAGE = 500;

/** The newest `rows` captures matching `filter` (newest first), read a page at a time, and the cursor below them. */
export async function listRows(
  api: ApiClient,
  filter: CaptureFilter,
  rows: number,
): Promise<{ items: CaptureSummary[]; nextCursor: number | null }> {
  const items: CaptureSummary[] = [];
  let cursor: number | null = null;
  do {
    const limit = Math.min(MAX_PAGE, rows - items.length);
    const page: { items: CaptureSummary[]; nextCursor: number | null } = await api.call(
      'captures.list',
      cursor === null ? { filter, limit } : { filter, cursor, limit },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < rows);
  return { items, nextCursor: cursor };
}

/**
 * The captures matching `filter` below `cursor` (newest first), read a page at a time until they reach below the
 * capture `id` (so ↓ from it has a row to go to) or the matches end, and the cursor below them.
 */
export async function listRowsDownTo(
  api: ApiClient,
  filter: CaptureFilter,
  cursor: number,
  id: number,
): Promise<{ items: CaptureSummary[]; nextCursor: number | null }> {
  const items: CaptureSummary[] = [];
  let next: number | null = cursor;
  while (next !== null && (items[items.length - 1]?.id ?? Infinity) >= id) {
    const page: { items: CaptureSummary[]; nextCursor: number | null } = await api.call('captures.list', {
      filter,
      cursor: next,
      limit: MAX_PAGE,
    });
    items.push(...page.items);
    next = page.nextCursor;
  }
  return { items, nextCursor: next };
}
