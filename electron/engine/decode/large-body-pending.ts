import type Database from 'better-sqlite3';

/**
 * Kept in `settings` while filed captures may still wait for LargeBodyClassifier: every capture up to this id has had
 * its chance, those after it may not have. Written in the filing transaction, so it survives a restart (the next start
 * resumes from it) and a reader in another process (`hookscope tail --vendor`) never sees such a capture without it.
 */
export const LARGE_BODY_PENDING_KEY = 'largeBody.pendingAfterId';

/** The id after which filed captures may still be waiting for their large-body label, or null when none are. */
export function largeBodiesPendingAfter(db: Database.Database): number | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LARGE_BODY_PENDING_KEY) as
    string | undefined;
  return value === undefined ? null : Number(value) || 0;
}

export function setLargeBodiesPendingAfter(db: Database.Database, afterId: number | null): void {
  if (afterId === null) db.prepare('DELETE FROM settings WHERE key = ?').run(LARGE_BODY_PENDING_KEY);
  else
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(LARGE_BODY_PENDING_KEY, String(afterId));
}
