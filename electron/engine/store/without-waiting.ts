import type Database from 'better-sqlite3';

/**
 * Runs `work` with the connection's busy timeout at 0, then restores it: true if it ran, false if a lock was held (a
 * transaction inside `work` is rolled back). Other errors are thrown.
 */
export function withoutWaiting(db: Database.Database, work: () => void): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    work();
    return true;
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
