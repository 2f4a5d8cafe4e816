import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { FakeClock } from '../../../electron/engine/util/clock';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let stores: Stores;

beforeEach(() => {
  dir = tempDir();
  stores = openStores({ dataDir: dir.path, clock: new FakeClock(1_700_000_000_000) });
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
});
