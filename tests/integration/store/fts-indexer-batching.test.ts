import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { FakeClock } from '../../../electron/engine/util/clock';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
let clock: FakeClock;
let indexFailures: unknown[];

beforeEach(() => {
  dir = tempDir();
  clock = new FakeClock(1_700_000_000_000);
  indexFailures = [];
  stores = openStores({
    dataDir: dir.path,
    clock,
    events: { indexFailed: (error) => indexFailures.push(error) },
  });
});
afterEach(() => {
  stores.captures.close();
  stores.db.close();
  dir.cleanup();
});

const capture = (word: string) =>
  newCapture({ headers: [], remotePort: 1, body: Buffer.from(JSON.stringify({ word })) });
const ftsRows = (word: string) =>
  stores.db.prepare('SELECT rowid FROM captures_fts WHERE captures_fts MATCH ?').all(`"${word}"`);

describe('FTS indexer batching', () => {
  it('prepares rows in slices but writes them (and the watermark) together', async () => {
    const ids = await Promise.all(
      Array.from({ length: 300 }, (_, i) => stores.captures.add(capture(`word${i}`))),
    );
    const { indexer } = stores.captures;
    expect(indexer.runOnce(0)).toBe(0); // one row prepared, nothing written yet: still far behind
    expect(indexer.indexedUpTo()).toBe(0);
    expect(ftsRows('word0')).toEqual([]);
    indexer.drain();
    expect(indexer.indexedUpTo()).toBe(ids[ids.length - 1]);
    expect(ftsRows('word0')).toEqual([{ rowid: ids[0] }]);
  });

  it('never writes index rows for captures deleted while prepared', async () => {
    const ids = await Promise.all(
      Array.from({ length: 300 }, (_, i) => stores.captures.add(capture(`gone${i}`))),
    );
    const { indexer } = stores.captures;
    indexer.runOnce(0);
    stores.captures.delete([ids[0]!]);
    indexer.drain();
    expect(ftsRows('gone0')).toEqual([]);
    expect(ftsRows('gone1')).toEqual([{ rowid: ids[1] }]);
    indexer.runOnce(0);
    stores.captures.deleteAll();
    indexer.drain();
    expect(stores.captures.list({ filter: { text: 'gone2' }, limit: 5 }).items).toEqual([]);
  });

  it('survives a slice that cannot write: reports it, keeps the rows, and indexes them once the index is usable', async () => {
    const ids = await Promise.all(
      ['broken1', 'broken2', 'broken3'].map((w) => stores.captures.add(capture(w))),
    );
    stores.captures.fileWaiting();
    // Something worse than a held lock (which the indexer waits out quietly): the index's state table is gone.
    stores.db.exec('DROP TABLE idx.index_state');
    clock.advance(25); // the indexer's scheduled slice runs and fails: it must not throw out of the timer
    expect(indexFailures.length).toBe(1);
    expect(String(indexFailures[0])).toMatch(/index_state/);
    expect(clock.pendingTimers()).toBeGreaterThan(0); // a retry is scheduled
    expect(ftsRows('broken1')).toEqual([]);
    stores.db.exec(
      'CREATE TABLE idx.index_state (id INTEGER PRIMARY KEY, indexed_upto INTEGER NOT NULL); INSERT INTO idx.index_state VALUES (1, 0)',
    );
    clock.advance(5_000);
    expect(ftsRows('broken1')).toEqual([{ rowid: ids[0] }]);
    expect(stores.captures.indexer.indexedUpTo()).toBe(ids[2]);
  });

  it('reports the backlog without scanning it: exact when small, by id when large, zero once nothing is left', async () => {
    const ids = await Promise.all(
      Array.from({ length: 5_200 }, (_, i) => stores.captures.add(capture(`lag${i}`))),
    );
    const { indexer } = stores.captures;
    expect(indexer.progress()).toMatchObject({ lagRows: 5_200, latestId: ids[5_199] }); // over 5,000: by id
    stores.captures.delete(ids.slice(2_000, 2_300));
    expect(indexer.progress().lagRows).toBe(5_200); // a hole inside a large span still counts
    stores.captures.delete(ids.slice(0, 300));
    expect(indexer.progress().lagRows).toBe(4_600); // span 4,900 ids: counted exactly
    stores.captures.deleteAll();
    expect(indexer.progress()).toMatchObject({ lagRows: 0, lagMs: 0 });
  });
});
