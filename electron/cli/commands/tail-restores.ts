import type Database from 'better-sqlite3';

interface Trashed {
  id: number;
  at: number;
}

const before = (a: Trashed, b: Trashed) => a.at - b.at || a.id - b.id;
const idSum = (rows: Trashed[]) => rows.reduce((sum, row) => sum + row.id, 0);

/**
 * Captures an undo brings back after a delete. They return under their old ids, below what tail has already followed,
 * so tail finds them by watching the trash: an id that leaves it and is filed again was restored (one that leaves it
 * and is not, expired or was emptied with a delete-all). A delete made and undone between two looks is not seen.
 */
export function restoreWatcher(db: Database.Database) {
  const allTrashed = db.prepare('SELECT id, deleted_at_ms AS at FROM capture_trash');
  const trashedAfter = db.prepare(
    `SELECT id, deleted_at_ms AS at FROM capture_trash
      WHERE deleted_at_ms > @at OR (deleted_at_ms = @at AND id > @id) ORDER BY deleted_at_ms, id`,
  );
  // The sum of the ids tells a restore from a delete that kept the count: one out and one in between two looks.
  const trashTally = db.prepare('SELECT count(*) AS count, coalesce(sum(id), 0) AS idSum FROM capture_trash');
  // Through the index by age, which holds each id: no row of the trash itself is read.
  const countBetween = db
    .prepare(
      `SELECT count(*) FROM capture_trash
        WHERE deleted_at_ms BETWEEN @fromAt AND @toAt
          AND (deleted_at_ms > @fromAt OR id >= @fromId) AND (deleted_at_ms < @toAt OR id <= @toId)`,
    )
    .pluck();
  const filed = db.prepare('SELECT 1 FROM captures WHERE id = ?').pluck();
  const waiting = db.prepare('SELECT 1 FROM capture_inbox WHERE id = ?').pluck();
  /** What the trash held at the last look, in the order of its index by age. */
  let inTrash = (allTrashed.all() as Trashed[]).sort(before);
  /** The sum of `inTrash`'s ids. */
  let inTrashIdSum = idSum(inTrash);
  /**
   * Rows trashed after this one, by (time, id), are the ones not seen yet: a delete of 100k undoable captures is read
   * once. One trashed in its millisecond with a smaller id is not among them: the ids' sum says it came.
   */
  let seen: Trashed = inTrash[inTrash.length - 1] ?? { at: -Infinity, id: -Infinity };
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

  /**
   * The trash as it is now: what came in since the last look, and what left it when the count or the ids' sum says
   * something did.
   */
  function lookAtTrash(): void {
    for (const row of trashedAfter.all(seen) as Trashed[]) {
      inTrash.push(row);
      inTrashIdSum += row.id;
      seen = row;
    }
    const now = trashTally.get() as { count: number; idSum: number };
    if (now.count === inTrash.length && now.idSum === inTrashIdSum) return;
    const left = gone(0, inTrash.length);
    if (
      left === null ||
      inTrash.length - left.length !== now.count ||
      inTrashIdSum - idSum(left) !== now.idSum
    ) {
      readWhole();
      return;
    }
    const leftKeys = new Set(left);
    for (const row of left) leaving.add(row.id);
    inTrash = inTrash.filter((row) => !leftKeys.has(row));
    inTrashIdSum = now.idSum;
  }

  /** What left the trash, from the whole of it: when the counts cannot say (a delete unseen in a seen millisecond). */
  function readWhole(): void {
    const now = (allTrashed.all() as Trashed[]).sort(before);
    const kept = new Set(now.map((row) => row.id));
    for (const row of inTrash) if (!kept.has(row.id)) leaving.add(row.id);
    inTrash = now;
    inTrashIdSum = idSum(now);
    seen = now[now.length - 1] ?? seen;
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
