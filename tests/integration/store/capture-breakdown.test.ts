import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCapture } from '../../../electron/engine/store/capture-writer';
import { openDatabase } from '../../../electron/engine/store/database';
import { findMigrationsDir } from '../../../electron/engine/store/migrator';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { FakeClock } from '../../../electron/engine/util/clock';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
const minute = 60_000;
const endMs = 1_700_000_400_000; // a minute boundary
const window = { endMs, bucketMs: minute, buckets: 5 };

beforeEach(() => {
  dir = tempDir();
  stores = openStores({ dataDir: dir.path, clock: new FakeClock(endMs) });
});
afterEach(() => {
  stores.captures.close();
  stores.db.close();
  dir.cleanup();
});

const statuses = [200, 201, 302, 404, 500, 503, null, 101, 200];
/** A spread of captures: seven minutes back (two outside the window), every status class, two endpoints, one word. */
function spread(): NewCapture[] {
  // Three real endpoints (the default and two more): per-endpoint counts live on their rows.
  const endpointIds = [
    stores.endpoints.match('/').id,
    stores.endpoints.create({ slug: 'second', name: 'Second' }).id,
    stores.endpoints.create({ slug: 'third', name: 'Third' }).id,
  ];
  return Array.from({ length: 90 }, (_, i) => {
    const status = statuses[i % statuses.length]!;
    return newCapture({
      receivedAtMs: endMs - 7 * minute + i * 4_700,
      endpointId: endpointIds[i % 3]!,
      body: Buffer.from(JSON.stringify({ word: i % 4 === 0 ? 'zebra' : 'okapi' })),
      headers: [['Content-Type', 'application/json'], ...(i % 2 ? [['X-Odd', '1'] as [string, string]] : [])],
      response: status === null ? null : { status, headers: [], bodyBase64: '', delayMs: 0, reason: null },
    });
  });
}

/** The same figures counted one by one in JS. */
function expected(captures: NewCapture[], keep: (c: NewCapture) => boolean) {
  const kept = captures.filter(keep);
  const rate = Array.from({ length: window.buckets }, (_, b) => {
    const from = endMs - (window.buckets - b) * minute;
    return kept.filter((c) => c.receivedAtMs >= from && c.receivedAtMs < from + minute).length;
  });
  const inClass = (k: number) =>
    kept.filter((c) => c.response !== null && Math.floor(c.response.status / 100) === k).length;
  return { rate, statuses: { '2xx': inClass(2), '3xx': inClass(3), '4xx': inClass(4), '5xx': inClass(5) } };
}

describe('capture breakdown (the charts)', () => {
  it('counts captures per minute and per status class, for everything and for a filter', async () => {
    const captures = spread();
    const [, second, third] = [...new Set(captures.map((c) => c.endpointId!))];
    const ids = await Promise.all(captures.map((c) => stores.captures.add(c)));
    stores.captures.indexer.drain();
    const b = stores.captures.breakdown.bind(stores.captures);

    expect(b(undefined, window)).toEqual(expected(captures, () => true));
    expect(b({ endpointId: second }, window)).toEqual(expected(captures, (c) => c.endpointId === second));
    expect(b({ statuses: [404, 500] }, window)).toEqual(
      expected(captures, (c) => c.response?.status === 404 || c.response?.status === 500),
    );
    expect(b({ header: { name: 'x-odd' } }, window)).toEqual(
      expected(captures, (c) => c.headers.some(([name]) => name === 'X-Odd')),
    );
    expect(b({ text: 'zebra' }, window)).toEqual(
      expected(
        captures.filter((_, i) => i % 4 === 0),
        () => true,
      ),
    );

    // Deletes keep the unfiltered (counter-backed) figures exact.
    const gone = new Set(ids.filter((_, i) => i % 5 === 0));
    stores.captures.delete([...gone]);
    const left = captures.filter((_, i) => !gone.has(ids[i]!));
    expect(b(undefined, window)).toEqual(expected(left, () => true));
    expect(b({ endpointId: second }, window)).toEqual(expected(left, (c) => c.endpointId === second));
    expect(b({ endpointId: third }, window)).toEqual(expected(left, (c) => c.endpointId === third));
    expect(b({ endpointId: second, methods: ['POST'] }, window)).toEqual(
      expected(left, (c) => c.endpointId === second),
    );
    stores.captures.deleteAll();
    expect(b(undefined, window)).toEqual(expected([], () => true));
    expect(b({ endpointId: second }, window)).toEqual(expected([], () => true));
    await stores.captures.add(captures[1]!);
    expect(b(undefined, window).statuses).toEqual({ '2xx': 1, '3xx': 0, '4xx': 0, '5xx': 0 });
  });

  it("counts a deleted endpoint's kept captures by their rows", async () => {
    const captures = spread();
    const [, second] = [...new Set(captures.map((c) => c.endpointId!))];
    await Promise.all(captures.map((c) => stores.captures.add(c)));
    stores.captures.fileWaiting();
    const before = stores.captures.breakdown({ endpointId: second }, window);
    expect(before).toEqual(expected(captures, (c) => c.endpointId === second));
    stores.endpoints.delete(second!);
    expect(stores.captures.breakdown({ endpointId: second }, window)).toEqual(before);
  });

  it('fills the status-class counters, in all and per endpoint, from captures stored before the migrations that added them', () => {
    const before = join(dir.path, 'migrations-before');
    mkdirSync(before);
    for (const f of readdirSync(findMigrationsDir()))
      if (f < '032') copyFileSync(join(findMigrationsDir(), f), join(before, f));
    const old = openDatabase({ dataDir: join(dir.path, 'old'), migrationsDir: before });
    const insert =
      old.prepare(`INSERT INTO captures (received_at_ms, method, path, query, http_version, headers,
      remote_address, body_size, stored_body_size, source, response_status) VALUES (1, 'POST', '/', '', '1.1', '[]', '', 0, 0,
      'receiver', ?)`);
    for (const status of [200, 204, 301, 404, 404, 502, null]) insert.run(status);
    old.exec(`INSERT INTO endpoints (id, slug, name, rule, created_at_ms) VALUES (7, 'seven', 'Seven', '{}', 1);
      UPDATE captures SET endpoint_id = 7 WHERE response_status IN (204, 404)`);
    old.close();
    const upgraded = openDatabase({ dataDir: join(dir.path, 'old') });
    const counters = Object.fromEntries(
      (
        upgraded.prepare("SELECT name, value FROM counters WHERE name LIKE 'status_%'").all() as {
          name: string;
          value: number;
        }[]
      ).map((r) => [r.name, r.value]),
    );
    const seven = upgraded
      .prepare('SELECT status_2xx, status_3xx, status_4xx, status_5xx FROM endpoints WHERE id = 7')
      .get();
    upgraded.close();
    expect(counters).toEqual({ status_2xx: 2, status_3xx: 1, status_4xx: 2, status_5xx: 1 });
    expect(seven).toEqual({ status_2xx: 1, status_3xx: 0, status_4xx: 2, status_5xx: 0 });
  });

  it('fills the per-minute counts from captures stored before the migration that added them', () => {
    const before = join(dir.path, 'migrations-before');
    mkdirSync(before);
    for (const f of readdirSync(findMigrationsDir()))
      if (f < '034') copyFileSync(join(findMigrationsDir(), f), join(before, f));
    const old = openDatabase({ dataDir: join(dir.path, 'old'), migrationsDir: before });
    const insert =
      old.prepare(`INSERT INTO captures (received_at_ms, method, path, query, http_version, headers,
      remote_address, body_size, stored_body_size, source, endpoint_id) VALUES (?, 'POST', '/', '', '1.1', '[]', '', 0, 0,
      'receiver', ?)`);
    for (const [at, endpoint] of [
      [endMs - 1, null],
      [endMs - 2, null],
      [endMs - 1, 7],
      [endMs - minute, 7],
      [endMs + 5, 7],
    ] as const)
      insert.run(at, endpoint);
    old.close();
    const upgraded = openDatabase({ dataDir: join(dir.path, 'old') });
    const rows = upgraded
      .prepare('SELECT endpoint_id, minute, captures FROM capture_minutes ORDER BY endpoint_id, minute')
      .raw()
      .all();
    upgraded.close();
    const m = endMs / minute;
    expect(rows).toEqual([
      [0, m - 1, 2],
      [7, m - 1, 2],
      [7, m, 1],
    ]);
  });

  it('keeps the per-minute counts equal to the captures they count, and counts rows for windows not made of minutes', async () => {
    const captures = spread().map((c, i) => (i % 7 === 0 ? { ...c, endpointId: null } : c));
    const ids = await Promise.all(captures.map((c) => stores.captures.add(c)));
    stores.captures.fileWaiting();
    const kept = () =>
      stores.db
        .prepare('SELECT endpoint_id, minute, captures FROM capture_minutes ORDER BY 1, 2')
        .raw()
        .all();
    const counted = () =>
      stores.db
        .prepare(
          `SELECT COALESCE(endpoint_id, 0), received_at_ms / 60000, COUNT(*) FROM captures GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .raw()
        .all();
    expect(kept().length).toBeGreaterThan(10);
    expect(kept()).toEqual(counted());
    // Imports with no endpoint count in the unfiltered rate.
    expect(stores.captures.breakdown(undefined, window).rate).toEqual(expected(captures, () => true).rate);

    stores.captures.delete(ids.filter((_, i) => i % 3 !== 1));
    const left = captures.filter((_, i) => i % 3 === 1);
    expect(kept()).toEqual(counted());
    expect(stores.captures.breakdown(undefined, window).rate).toEqual(expected(left, () => true).rate);

    // 30-second buckets ending mid-minute: the kept counts cannot answer, rows are counted.
    const halfMinutes = { endMs: endMs - 30_000, bucketMs: 30_000, buckets: 8 };
    const second = left.find((c) => c.endpointId !== null)!.endpointId!;
    const byHand = (keep: (c: NewCapture) => boolean) =>
      Array.from({ length: halfMinutes.buckets }, (_, b) => {
        const from = halfMinutes.endMs - (halfMinutes.buckets - b) * halfMinutes.bucketMs;
        return left.filter(
          (c) => keep(c) && c.receivedAtMs >= from && c.receivedAtMs < from + halfMinutes.bucketMs,
        ).length;
      });
    expect(stores.captures.breakdown(undefined, halfMinutes).rate).toEqual(byHand(() => true));
    expect(stores.captures.breakdown({ endpointId: second }, halfMinutes).rate).toEqual(
      byHand((c) => c.endpointId === second),
    );

    stores.captures.delete(ids);
    expect(kept()).toEqual([]);
  });
});
