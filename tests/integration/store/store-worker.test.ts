import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCapture } from '../../../electron/engine/store/capture-writer';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let stores: Stores;

beforeEach(() => {
  dir = tempDir();
  stores = openStores({ dataDir: dir.path, clock: systemClock });
});
afterEach(() => {
  stores.captures.close();
  stores.db.close();
  dir.cleanup();
});

const capture = (n: number, endpointId: number | null = null): NewCapture => {
  const body = Buffer.from(JSON.stringify({ n, word: `word${n}` }));
  return {
    receivedAtMs: Date.now(),
    method: 'POST',
    path: `/w/${n}`,
    query: '',
    httpVersion: '1.1',
    headers: [['Content-Type', 'application/json']],
    remoteAddress: '127.0.0.1',
    remotePort: 1,
    contentType: 'application/json',
    contentEncoding: null,
    body,
    bodySizeBytes: body.length,
    truncated: false,
    endpointId,
    source: 'receiver',
    publicUrl: null,
    vendor: null,
    eventLabel: null,
    response: null,
    verification: null,
  };
};

describe('store worker (captures and the index written on their own thread)', () => {
  it('keeps rows, counters and endpoint counts consistent while the main connection deletes concurrently', async () => {
    const endpointId = stores.endpoints.match('/anything').id;
    let added = 0;
    let deleted = 0;
    for (let round = 0; round < 20; round++) {
      const ids = await Promise.all(
        Array.from({ length: 100 }, (_, i) => stores.captures.add(capture(round * 100 + i, endpointId))),
      );
      added += ids.length;
      // Deletes begin by reading, then write: they must not fail with SQLITE_BUSY while the worker commits.
      const pending = Array.from({ length: 100 }, (_, i) =>
        stores.captures.add(capture(10_000 + round * 100 + i, endpointId)),
      );
      deleted += stores.captures.delete(ids.filter((_, i) => i % 3 === 0));
      added += (await Promise.all(pending)).length;
    }
    // While the worker indexes that backlog (committing as it goes), delete one capture at a time on this thread.
    const all = stores.captures.ids(undefined, 10_000);
    for (const id of all.slice(0, 600)) deleted += stores.captures.delete([id]);
    stores.captures.indexer.drain();
    const rows = (stores.db.prepare('SELECT COUNT(*) AS n FROM captures').get() as { n: number }).n;
    expect(rows).toBe(added - deleted);
    expect(stores.captures.count()).toBe(rows);
    expect(stores.endpoints.list().find((e) => e.id === endpointId)?.captureCount).toBe(rows);
    expect(stores.captures.stats()).toMatchObject({ indexLagRows: 0 });
    // deleted captures are not in the index; kept ones are
    expect(stores.captures.list({ filter: { text: 'word0' }, limit: 5 }).items).toHaveLength(0);
    expect(stores.captures.list({ filter: { text: 'word1' }, limit: 5 }).items).toHaveLength(1);
  });

  it('flush() returns only once what was added is committed, and the created events have fired', () => {
    const seen: number[] = [];
    stores.captures.close();
    stores.db.close();
    stores = openStores({
      dataDir: dir.path,
      clock: systemClock,
      events: { created: (items) => seen.push(...items.map((i) => i.id)) },
    });
    const promises = Array.from({ length: 25 }, (_, i) => stores.captures.add(capture(i)));
    stores.captures.flush();
    expect(stores.captures.count()).toBe(25);
    expect(seen).toHaveLength(25);
    return Promise.all(promises);
  });

  it('rejects captures with a clear error when the worker cannot open the database, instead of hanging', async () => {
    stores.captures.close();
    stores.db.close();
    stores = openStores({ dataDir: dir.path, clock: systemClock });
    rmSync(dir.path, { recursive: true, force: true }); // the main connection keeps its open file; the worker finds none
    await expect(stores.captures.add(capture(1))).rejects.toThrow(/store worker|unable to open|directory/i);
  });
});
