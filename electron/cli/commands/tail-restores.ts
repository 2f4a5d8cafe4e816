import type Database from 'better-sqlite3';

interface Trashed {
  id: number;
  at: number;
}

const before = (a: Trashed, b: Trashed) => a.at - b.at || a.id - b.id;

/**
 * Captures an undo brings back after a delete. They return under their old ids, below what tail has already followed,
 * so tail finds them by watching the trash: an id that leaves it and is filed again was restored (one that leaves it
 * and is not, expired or was emptied with a delete-all). A delete made and undone between two looks is not seen.
 */
export function restoreWatcher(db: Database.Database) {
  const allTrashed = db.prepare('SELECT id, deleted_at_ms AS at FROM capture_trash');
  const trashedAfter = db.prepare(
    'SELECT id, deleted_at_ms AS at FROM capture_trash WHERE deleted_at_ms > ? ORDER BY deleted_at_ms, id',
  );
  const trashCount = db.prepare('SELECT count(*) FROM capture_trash').pluck();
  // Through the index by age, which holds each id: no row of the trash itself is read.
  const countBetween = db
    .prepare(
      `SELECT count(*) FROM capture_trash
        WHERE deleted_at_ms BETWEEN @fromAt AND @toAt
          AND (deleted_at_ms > @fromAt OR id >= @fromId) AND (deleted_at_ms < @toAt OR id <= @toId)`,
    )
    .pluck();
  const latestTrashed = db.prepare('SELECT max(deleted_at_ms) FROM capture_trash').pluck();
  const filed = db.prepare('SELECT 1 FROM captures WHERE id = ?').pluck();
  const waiting = db.prepare('SELECT 1 FROM capture_inbox WHERE id = ?').pluck();
  /** What the trash held at the last look, in the order of its index by age. */
  let inTrash = (allTrashed.all() as Trashed[]).sort(before);
  /** Rows trashed after this time are the ones not seen yet: a delete of 100k undoable captures is read once. */
  let seenUpToMs = (latestTrashed.get() as number | null) ?? -Infinity;
  /** Out of the trash and back in the inbox: restored, not filed yet. */
  const leaving = new Set<number>();

  /**
   * The rows of `inTrash[from, to)` no longer in the trash, found by halving the run while the trash holds fewer of
   * its rows than it had: a capture or two restored out of 100k costs a few dozen counts. Null when the trash holds
   * more than was seen (a delete within the millisecond of the last one seen): then, as when what is left does not
   * add up to the count, it is read whole.
   */
  function gone(from: number, to: number): Trashed[] | null {
    if (from >= to) return [];
    const [first, last] = [inTrash[from]!, inTrash[to - 1]!];
    const held = countBetween.get({
      fromAt: first.at,
      fromId: first.id,
      toAt: last.at,
      toId: last.id,
    }) as number;
    if (held === to - from) return [];
    if (held > to - from) return null;
    if (held === 0) return inTrash.slice(from, to);
    const middle = (from + to) >> 1;
    const left = gone(from, middle);
    const right = left && gone(middle, to);
    return left && right && [...left, ...right];
  }

  /** The trash as it is now: what came in since the last look, and what left it when the count says something did. */
  function lookAtTrash(): void {
    for (const row of trashedAfter.all(seenUpToMs) as Trashed[]) {
      inTrash.push(row);
      seenUpToMs = Math.max(seenUpToMs, row.at);
    }
    const count = trashCount.get() as number;
    if (count === inTrash.length) return;
    const left = gone(0, inTrash.length);
    if (left === null || inTrash.length - left.length !== count) {
      const now = (allTrashed.all() as Trashed[]).sort(before);
      const kept = new Set(now.map((row) => row.id));
      for (const row of inTrash) if (!kept.has(row.id)) leaving.add(row.id);
      inTrash = now;
      return;
    }
    const leftKeys = new Set(left);
    for (const row of left) leaving.add(row.id);
    inTrash = inTrash.filter((row) => !leftKeys.has(row));
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
