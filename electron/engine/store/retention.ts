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

/**
 * How many of `ids` the passes above would delete as things stand: those past the age limit, and those among the
 * oldest beyond the count limit once the old ones are gone. Undo says so rather than bring back what goes again.
 */
export function beyondRetention(
  db: Database.Database,
  store: CaptureStore,
  settings: Settings,
  nowMs: number,
  ids: number[],
): number {
  const { maxCount, maxAgeMs } = settings.retention;
  if (ids.length === 0 || (maxCount === null && maxAgeMs === null)) return 0;
  // As pruneOnce splits it: an import's age counts from when it was imported.
  const old = maxAgeMs === null ? '0' : 'COALESCE(imported_at_ms, received_at_ms) < @cutoff';
  const cutoff = maxAgeMs === null ? 0 : nowMs - maxAgeMs;
  const aged = new Set(
    (
      db
        .prepare(`SELECT id FROM captures WHERE ${old} AND id IN (SELECT value FROM json_each(@ids))`)
        .all({ cutoff, ids: JSON.stringify(ids) }) as { id: number }[]
    ).map((r) => r.id),
  );
  let doomed = aged.size;
  if (maxCount !== null) {
    const agedInAll = (
      db.prepare(`SELECT COUNT(*) AS n FROM captures WHERE ${old}`).get({ cutoff }) as {
        n: number;
      }
    ).n;
    const excess = store.count() - agedInAll - maxCount;
    const last =
      excess > 0
        ? (db
            .prepare(`SELECT id FROM captures WHERE NOT (${old}) ORDER BY id LIMIT 1 OFFSET @skip`)
            .get({ cutoff, skip: excess - 1 }) as { id: number } | undefined)
        : undefined;
    if (last) doomed += ids.filter((id) => !aged.has(id) && id <= last.id).length;
  }
  return doomed;
}

const selectIds = (select: Database.Statement, cutoff: number, limit: number): number[] =>
  (select.all(cutoff, limit) as { id: number }[]).map((r) => r.id);
