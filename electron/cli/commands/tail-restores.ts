import type Database from 'better-sqlite3';

/**
 * Captures an undo brings back after a delete. They return under their old ids, below what tail has already followed,
 * so tail finds them by watching the trash: an id that leaves it and is filed again was restored (one that leaves it
 * and is not, expired or was emptied with a delete-all). A delete made and undone between two looks is not seen.
 */
export function restoreWatcher(db: Database.Database) {
  const trashed = db.prepare('SELECT id FROM capture_trash').pluck();
  const filed = db.prepare('SELECT 1 FROM captures WHERE id = ?').pluck();
  const waiting = db.prepare('SELECT 1 FROM capture_inbox WHERE id = ?').pluck();
  let inTrash = new Set(trashed.all() as number[]);
  /** Out of the trash and back in the inbox: restored, not filed yet. */
  const leaving = new Set<number>();
  return {
    /** The ids restored and filed since the last look, oldest first. */
    restoredSince(): number[] {
      const now = new Set(trashed.all() as number[]);
      for (const id of inTrash) if (!now.has(id)) leaving.add(id);
      inTrash = now;
      const restored: number[] = [];
      for (const id of leaving) {
        if (filed.get(id) !== undefined) restored.push(id);
        else if (waiting.get(id) !== undefined) continue;
        leaving.delete(id);
      }
      return restored.sort((a, b) => a - b);
    },
  };
}
