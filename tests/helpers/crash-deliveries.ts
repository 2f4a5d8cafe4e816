import type Database from 'better-sqlite3';

/**
 * The deliveries a target received more than once that no kill explains. At-least-once allows a repeat only of an
 * attempt a kill cut short: the delivery was in flight at a kill, and the restart that took it back logged that
 * attempt as interrupted (its outcome unknown).
 */
export function unexplainedRepeats(
  db: Database.Database,
  received: ReadonlyMap<string, number>,
  queued: ReadonlySet<string>,
  inFlightAtKill: ReadonlySet<string>,
): { repeated: string[]; unexplained: string[] } {
  const interrupted = new Set(
    db
      .prepare(
        `SELECT DISTINCT d.uid FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
         WHERE a.outcome = 'interrupted'`,
      )
      .pluck()
      .all() as string[],
  );
  const repeated = [...received].filter(([uid, n]) => n > 1 && queued.has(uid)).map(([uid]) => uid);
  const unexplained = repeated.filter((uid) => !inFlightAtKill.has(uid) || !interrupted.has(uid));
  return { repeated, unexplained };
}
