import type Database from 'better-sqlite3';

/**
 * How many of a destination's deliveries take its rate slots before this delivery's next attempt: the ones in flight
 * that claimed a slot after this attempt started, and the queued ones the queue serves first (due earlier, or as
 * early with a lower id — its ORDER BY next_attempt_at_ms, id).
 */
export function slotsTakenAhead(db: Database.Database, id: number, attemptStartedAtMs: number): number {
  return db
    .prepare(
      `SELECT COUNT(*) FROM deliveries d JOIN deliveries me ON me.id = ?
         WHERE d.origin = me.origin AND d.id <> me.id AND (
           (d.state = 'pending' AND (d.next_attempt_at_ms < me.next_attempt_at_ms
              OR (d.next_attempt_at_ms = me.next_attempt_at_ms AND d.id < me.id)))
           OR (d.state = 'in_flight' AND d.claimed_at_ms > ?))`,
    )
    .pluck()
    .get(id, attemptStartedAtMs) as number;
}
