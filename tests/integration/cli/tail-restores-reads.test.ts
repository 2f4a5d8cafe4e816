import type Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { restoreWatcher } from '../../../electron/cli/commands/tail-restores';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

/** `db`, counting every row its statements hand back: what a poll reads, whatever its queries are. */
function countingRows(db: Database.Database) {
  const counter = { rows: 0 };
  const prepare = db.prepare.bind(db);
  const counted = new Proxy(db, {
    get(target, key) {
      if (key !== 'prepare') return Reflect.get(target, key, target) as unknown;
      return (source: string) => {
        const statement = prepare(source);
        const all = statement.all.bind(statement);
        const get = statement.get.bind(statement);
        statement.all = (...params: unknown[]) => {
          const rows = all(...params);
          counter.rows += rows.length;
          return rows;
        };
        statement.get = (...params: unknown[]) => {
          const row = get(...params);
          if (row !== undefined) counter.rows++;
          return row;
        };
        return statement;
      };
    },
  });
  return { db: counted, counter };
}

async function filedCaptures(n: number): Promise<number[]> {
  const ids = await Promise.all(
    Array.from({ length: n }, (_, i) => t.stores.captures.add(newCapture({ path: `/c${i}` }))),
  );
  t.stores.captures.fileWaiting();
  return ids;
}

it('tail reads what changed in the trash at each look, not every id kept there, and still finds restores', async () => {
  const ids = await filedCaptures(2_000);
  expect(t.stores.captures.delete(ids, { undoable: true })).toEqual({ deleted: 2_000, undoable: true });
  const { db, counter } = countingRows(t.stores.db);
  const watcher = restoreWatcher(db);

  counter.rows = 0;
  for (let look = 0; look < 10; look++) expect(watcher.restoredSince()).toEqual([]);
  // A few rows a look (a count, nothing new): 10 looks at 2,000 ids each read 20,000.
  expect(counter.rows).toBeLessThan(100);

  // One more delete between looks is read, and the captures restored after it are found, old ids and new.
  const [late] = await filedCaptures(1);
  t.clock.advance(1);
  t.stores.captures.delete([late!], { undoable: true });
  counter.rows = 0;
  expect(watcher.restoredSince()).toEqual([]);
  expect(counter.rows).toBeLessThan(100);
  expect(t.stores.captures.restore([ids[5]!, late!])).toEqual([ids[5]!, late!].sort((a, b) => a - b));
  t.stores.captures.fileWaiting();
  expect(watcher.restoredSince()).toEqual([ids[5]!, late!].sort((a, b) => a - b));
  expect(watcher.restoredSince()).toEqual([]);
});

it('tail reads only what left the trash when one capture is restored or the rest expire, not every id kept there', async () => {
  const ids = await filedCaptures(2_000);
  t.stores.captures.delete(ids, { undoable: true });
  const { db, counter } = countingRows(t.stores.db);
  const watcher = restoreWatcher(db);

  expect(t.stores.captures.restore([ids[1234]!])).toEqual([ids[1234]!]);
  t.stores.captures.fileWaiting();
  counter.rows = 0;
  expect(watcher.restoredSince()).toEqual([ids[1234]!]);
  // A few dozen counts: reading the trash again to see what left it read 1,999 ids.
  expect(counter.rows).toBeLessThan(100);

  // The next delete, past the time a delete can be undone, empties the trash of the 1,999 others: none was restored.
  const [late] = await filedCaptures(1);
  t.clock.advance(10 * 60_000 + 1); // CaptureTrash keeps a delete undoable for 10 minutes
  t.stores.captures.delete([late!], { undoable: true });
  counter.rows = 0;
  expect(watcher.restoredSince()).toEqual([]);
  expect(counter.rows).toBeLessThan(100);

  expect(t.stores.captures.restore([late!])).toEqual([late!]);
  t.stores.captures.fileWaiting();
  expect(watcher.restoredSince()).toEqual([late!]);
});

it('tail still finds a restore when a delete in the millisecond of the last look was not seen by it', async () => {
  const ids = await filedCaptures(3);
  t.stores.captures.delete([ids[0]!], { undoable: true });
  const watcher = restoreWatcher(t.stores.db);
  expect(watcher.restoredSince()).toEqual([]);
  // Same clock reading: the rows trashed "after" the last one seen do not include these.
  t.stores.captures.delete([ids[1]!, ids[2]!], { undoable: true });
  expect(t.stores.captures.restore([ids[0]!])).toEqual([ids[0]!]);
  t.stores.captures.fileWaiting();
  expect(watcher.restoredSince()).toEqual([ids[0]!]);
  expect(t.stores.captures.restore([ids[2]!])).toEqual([ids[2]!]);
  t.stores.captures.fileWaiting();
  expect(watcher.restoredSince()).toEqual([ids[2]!]);
});
