import type Database from 'better-sqlite3';
import type { Settings } from '../../shared/contract/index';
import type { CaptureStore } from './capture-store';

/**
 * Deletes the oldest captures beyond the configured count or age, in small chunks so a large prune never blocks
 * the receiver for long. Returns how many were deleted.
 */
export function pruneOnce(
  db: Database.Database,
  store: CaptureStore,
  settings: Settings,
  nowMs: number,
  chunk = 1000,
): number {
  let deleted = 0;
  const { maxCount, maxAgeMs } = settings.retention;
  store.current();
  // Otherwise a deleted capture's copy (body and all) stayed in the database until the next delete or undo.
  store.forgetExpiredDeletes();
  if (maxAgeMs !== null) {
    const cutoff = nowMs - maxAgeMs;
    // A capture's age counts from when it came in: for an import that is when it was imported, not when the request
    // was originally sent. The two selects split the table (imported_at_ms is set exactly for imports).
    const received = selectIds(
      db.prepare(
        'SELECT id FROM captures WHERE received_at_ms < ? AND imported_at_ms IS NULL ORDER BY id LIMIT ?',
      ),
      cutoff,
      chunk,
    );
    const imported =
      received.length < chunk
        ? selectIds(
            db.prepare('SELECT id FROM captures WHERE imported_at_ms < ? ORDER BY imported_at_ms LIMIT ?'),
            cutoff,
            chunk - received.length,
          )
        : [];
    const old = [...received, ...imported];
    if (old.length) deleted += store.delete(old).deleted;
  }
  if (maxCount !== null) {
    const excess = store.count() - maxCount;
    if (excess > 0) {
      const ids = (
        db.prepare('SELECT id FROM captures ORDER BY id LIMIT ?').all(Math.min(excess, chunk)) as {
          id: number;
        }[]
      ).map((r) => r.id);
      if (ids.length) deleted += store.delete(ids).deleted;
    }
  }
  return deleted;
}

const selectIds = (select: Database.Statement, cutoff: number, limit: number): number[] =>
  (select.all(cutoff, limit) as { id: number }[]).map((r) => r.id);
