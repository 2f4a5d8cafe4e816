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
  if (maxAgeMs !== null) {
    const ids = (
      db
        .prepare('SELECT id FROM captures WHERE received_at_ms < ? ORDER BY id LIMIT ?')
        .all(nowMs - maxAgeMs, chunk) as {
        id: number;
      }[]
    ).map((r) => r.id);
    if (ids.length) deleted += store.delete(ids).deleted;
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
