import { describe, expect, it } from 'vitest';
import { BackgroundReader, ReaderGone } from '../../../electron/engine/store/background-reader';
import type { NewCapture } from '../../../electron/engine/store/capture-writer';
import { openStores } from '../../../electron/engine/store/open-stores';
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import type Database from 'better-sqlite3';
import type { CaptureFilter } from '../../../electron/shared/contract/index';
import { newCapture } from '../../helpers/new-capture';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

const capture = (i: number, over: Partial<NewCapture> = {}) =>
  newCapture({
    receivedAtMs: t.clock.now() + i * 1_000,
    endpointId: 1,
    method: i % 3 === 0 ? 'GET' : 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ...(i % 4 === 0 ? ([['X-Signature', `sig-${i}`]] as [string, string][]) : []),
    ],
    body: Buffer.from(i % 2 === 0 ? `{"word":"alpha ${i}"}` : `{"word":"beta ${i}"}`),
    response: { status: i % 5 === 0 ? 500 : 200, headers: [], bodyBase64: '', delayMs: 0, reason: null },
    ...over,
  });

async function addMany(n: number) {
  await Promise.all(Array.from({ length: n }, (_, i) => t.stores.captures.add(capture(i))));
  t.stores.captures.indexer.drain();
}

/**
 * Runs `work` and reports whether any filtered read (the header filter's clause) was prepared on `db`, the receiver's
 * own connection, while it ran: with the read done elsewhere, the receiver's thread never runs it.
 */
async function watchReceiverConnection<T>(
  db: Database.Database,
  work: () => Promise<T>,
): Promise<{ result: T; offThread: boolean }> {
  const prepare = db.prepare;
  let ranHere = false;
  db.prepare = function (this: Database.Database, sql: string) {
    if (sql.includes('json_each(c.headers)')) ranHere = true;
    return prepare.call(this, sql);
  } as typeof db.prepare;
  try {
    const result = await work();
    return { result, offThread: !ranHere };
  } finally {
    db.prepare = prepare;
  }
}

const filters: Array<CaptureFilter | undefined> = [
  undefined,
  { header: { name: 'x-signature' } },
  { header: { name: 'X-Signature', value: 'sig-8' } },
  { text: 'alpha' },
  { text: 'alpha', methods: ['GET'] },
  { statuses: [500] },
  { endpointId: 1 },
  { fromMs: 1_700_000_010_000, toMs: 1_700_000_030_000 },
];

describe('reads off the receiver thread', () => {
  it('answers pages, counts and chart figures exactly as reading on the receiver thread does', async () => {
    await addMany(120);
    const window = { endMs: t.clock.now() + 200_000, bucketMs: 10_000, buckets: 20 };
    for (const filter of filters) {
      expect(await t.stores.captures.listInBackground({ filter, limit: 7 })).toEqual(
        t.stores.captures.list({ filter, limit: 7 }),
      );
      const first = t.stores.captures.list({ filter, limit: 7 });
      if (first.nextCursor !== null)
        expect(
          await t.stores.captures.listInBackground({ filter, cursor: first.nextCursor, limit: 7 }),
        ).toEqual(t.stores.captures.list({ filter, cursor: first.nextCursor, limit: 7 }));
      expect(await t.stores.captures.countWithNewestInBackground(filter)).toEqual(
        t.stores.captures.countWithNewest(filter),
      );
      expect(await t.stores.captures.breakdownInBackground(filter, window)).toEqual(
        t.stores.captures.breakdown(filter, window),
      );
    }
    expect(
      (await t.stores.captures.countWithNewestInBackground({ header: { name: 'x-signature' } })).count,
    ).toBe(30);
  });

  it("reads a filtered count, page or chart on its own connection, not the receiver thread's", async () => {
    await addMany(50);
    const header = { header: { name: 'x-signature' } };
    const counted = await watchReceiverConnection(t.stores.db, () =>
      t.stores.captures.countWithNewestInBackground(header),
    );
    expect(counted).toEqual({ result: t.stores.captures.countWithNewest(header), offThread: true });
    const listed = await watchReceiverConnection(t.stores.db, () =>
      t.stores.captures.listInBackground({ filter: header, limit: 5 }),
    );
    expect(listed.offThread).toBe(true);
    expect(listed.result.items).toHaveLength(5);
    const window = { endMs: t.clock.now() + 60_000, bucketMs: 10_000, buckets: 6 };
    const charted = await watchReceiverConnection(t.stores.db, () =>
      t.stores.captures.breakdownInBackground(header, window),
    );
    expect(charted.offThread).toBe(true);
    expect(charted.result).toEqual(t.stores.captures.breakdown(header, window));
  });

  it('includes every capture acknowledged before the read was asked for', async () => {
    await addMany(10);
    const id = await t.stores.captures.add(capture(10, { headers: [['X-Signature', 'late']] }));
    expect(await t.stores.captures.countWithNewestInBackground({ header: { name: 'x-signature' } })).toEqual({
      count: 4,
      newestId: id,
    });
  });

  it('counts the captures filed while an unfiltered count waits for the reader, with the newest id it gives', async () => {
    await addMany(5);
    const counting = t.stores.captures.countWithNewestInBackground();
    void t.stores.captures.add(capture(5));
    t.stores.captures.fileWaiting();
    const { count, newestId } = await counting;
    // Ids run 1.., nothing deleted: a count that includes the newest capture it names is that capture's id.
    expect(count).toBe(newestId);
  });

  it('reports a query error with its SQLite code and keeps reading', async () => {
    const reader = new BackgroundReader({
      captures: `${t.dir.path}/hookscope.sqlite`,
      index: `${t.dir.path}/hookscope-index.sqlite`,
    });
    const failed = reader.run([{ sql: 'SELECT nope FROM nowhere', params: [], rows: 'all' }])!;
    await expect(failed).rejects.toMatchObject({
      code: 'SQLITE_ERROR',
      message: expect.stringMatching(/nowhere/),
    });
    await expect(failed).rejects.not.toBeInstanceOf(ReaderGone);
    expect(
      await reader.run([{ sql: 'SELECT count(*) AS n FROM captures', params: [], rows: 'first' }]),
    ).toEqual([{ n: 0 }]);
    reader.close();
  });

  it('reads on the receiver thread when the reader cannot open the database', async () => {
    const reader = new BackgroundReader({
      captures: `${t.dir.path}/missing.sqlite`,
      index: `${t.dir.path}/missing-index.sqlite`,
    });
    await expect(reader.run([{ sql: 'SELECT 1 AS one', params: [], rows: 'first' }])).rejects.toBeInstanceOf(
      ReaderGone,
    );
    expect(reader.run([{ sql: 'SELECT 1', params: [], rows: 'first' }])).toBeNull();
    reader.close();
  });

  it('answers a read asked for just before the store closed', async () => {
    await addMany(8);
    await t.stores.captures.countWithNewestInBackground({ methods: ['GET'] }); // the reader is running
    const counting = t.stores.captures.countWithNewestInBackground({ methods: ['GET'] });
    t.stores.captures.close();
    t.stores.db.close();
    expect((await counting).count).toBe(3);
    t.stores = openStores({ dataDir: t.dir.path, clock: t.clock });
  });

  it('still answers after the store is closed and reopened', async () => {
    await addMany(8);
    t.stores.captures.close();
    t.stores.db.close();
    t.stores = openStores({ dataDir: t.dir.path, clock: t.clock });
    expect((await t.stores.captures.countWithNewestInBackground({ methods: ['GET'] })).count).toBe(3);
  });
});

describe('the API reads captures off the receiver thread', () => {
  const meta = { transport: 'in-process' } as const;
  it('keeps acknowledging captures while it counts, lists and charts a filter', async () => {
    const engineDir = tempDir();
    const engine = await createEngine({ mode: 'test', log: silentLogger, dataDir: engineDir.path });
    try {
      for (let i = 0; i < 12; i++)
        await send(`${engine.receiverUrl}/hook/${i}`, {
          method: 'POST',
          headers: i % 3 === 0 ? [['x-signature', `s${i}`]] : [],
          body: `{"n":${i}}`,
        });
      const filter = { header: { name: 'x-signature' } };
      const counted = await watchReceiverConnection(engine.ctx.db, () =>
        Promise.resolve(engine.handlers['captures.count']({ filter }, meta)),
      );
      expect(counted).toEqual({ result: { count: 4, newestId: expect.any(Number) }, offThread: true });
      const listed = await watchReceiverConnection(engine.ctx.db, () =>
        Promise.resolve(engine.handlers['captures.list']({ filter, limit: 10 }, meta)),
      );
      expect(listed.offThread).toBe(true);
      expect(listed.result.items.map((c) => c.path)).toEqual(['/hook/9', '/hook/6', '/hook/3', '/hook/0']);
      const charted = await watchReceiverConnection(engine.ctx.db, () =>
        Promise.resolve(
          engine.handlers['captures.breakdown'](
            {
              filter,
              endMs: Date.now() + 60_000,
              bucketMs: 60_000,
              buckets: 5,
            },
            meta,
          ),
        ),
      );
      expect(charted.offThread).toBe(true);
      expect(charted.result.statuses['2xx']).toBe(4);
    } finally {
      await engine.close();
      engineDir.cleanup();
    }
  });
});
