import type Database from 'better-sqlite3';
import { statfsSync } from 'node:fs';

const rolledBack = new Error('probe rolled back');

/**
 * Whether a capture of `bytes` would fit in the inbox now, without storing anything: the file system must have that
 * much room (a rolled-back write may never reach the disk) and the database must take it (its own page limit).
 */
export function inboxHasRoomFor(db: Database.Database, dataDir: string, bytes: number): boolean {
  try {
    const fs = statfsSync(dataDir);
    if (fs.bavail * fs.bsize < bytes) return false;
  } catch {
    return false;
  }
  const insert = db.prepare("INSERT INTO capture_inbox (capture, body) VALUES ('{}', zeroblob(?))");
  try {
    db.transaction(() => {
      insert.run(bytes);
      throw rolledBack;
    })();
  } catch (error) {
    return error === rolledBack;
  }
  return false;
}
