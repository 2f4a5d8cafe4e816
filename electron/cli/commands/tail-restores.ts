import type Database from 'better-sqlite3';

/**
 * Captures an undo brings back after a delete. They return under their old ids, below what tail has already followed,
 * so tail finds them by watching the trash: an id that leaves it and is filed again was restored (one that leaves it
 * and is not, expired or was emptied with a delete-all). A delete made and undone between two looks is not seen.
 */
export function restoreWatcher(db: Database.Database) {
  const allTrashed = db.prepare('SELECT id FROM capture_trash').pluck();
  const trashedAfter = db.prepare(
    'SELECT id, deleted_at_ms AS at FROM capture_trash WHERE deleted_at_ms > ? ORDER BY deleted_at_ms',
  );
  const trashCount = db.prepare('SELECT count(*) FROM capture_trash').pluck();
  const latestTrashed = db.prepare('SELECT max(deleted_at_ms) FROM capture_trash').pluck();
  const filed = db.prepare('SELECT 1 FROM captures WHERE id = ?').pluck();
  const waiting = db.prepare('SELECT 1 FROM capture_inbox WHERE id = ?').pluck();
  let inTrash = new Set(allTrashed.all() as number[]);
  /** Rows trashed after this time are the ones not seen yet: a delete of 100k undoable captures is read once. */
  let seenUpToMs = (latestTrashed.get() as number | null) ?? -Infinity;
  /** Out of the trash and back in the inbox: restored, not filed yet. */
  const leaving = new Set<number>();

  /** The trash as it is now, read whole only when the count says something left (or came in unseen). */
  function lookAtTrash(): void {
    for (const row of trashedAfter.all(seenUpToMs) as Array<{ id: number; at: number }>) {
      inTrash.add(row.id);
      seenUpToMs = Math.max(seenUpToMs, row.at);
    }
    if (trashCount.get() === inTrash.size) return;
    const now = new Set(allTrashed.all() as number[]);
    for (const id of inTrash) if (!now.has(id)) leaving.add(id);
    inTrash = now;
  }

  return {
    /** The ids restored and filed since the last look, oldest first. */
    restoredSince(): number[] {
      lookAtTrash();
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
