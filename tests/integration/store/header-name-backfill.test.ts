import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureFilter } from '../../../electron/shared/contract/index';
import { databaseFileName } from '../../../electron/engine/store/database';
import { findMigrationsDir, loadMigrations, migrate } from '../../../electron/engine/store/migrator';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { FakeClock } from '../../../electron/engine/util/clock';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

const dirs: Array<{ cleanup(): void }> = [];
const opened: Stores[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) {
    s.captures.close();
    s.db.close();
  }
  dirs.splice(0).forEach((d) => d.cleanup());
});

/** A data dir as Hookscope left it before migration 048, with `count` captures filed (and a gap of deleted ids). */
function dataDirBefore048(count: number): string {
  const dir = tempDir();
  dirs.push(dir);
  const all = loadMigrations(findMigrationsDir());
  const db = new Database(join(dir.path, databaseFileName));
  migrate(
    db,
    all.filter((m) => m.name < '048'),
  );
  const insert = db.prepare(
    `INSERT INTO captures (received_at_ms, method, path, query, http_version, headers, remote_address, body_size,
       stored_body_size, source) VALUES (0, 'POST', ?, '', '1.1', ?, '', 0, 0, 'receiver')`,
  );
  const variants = [
    [
      ['User-Agent', 'a'],
      ['user-agent', 'b'],
    ],
    [['Content-Type', 'application/json']],
    [
      ['X-Ünï', 'v'],
      ['USER-AGENT', 'c'],
      ['Content-Type', 'text/plain'],
    ],
  ];
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`/p/${i}`, JSON.stringify(variants[i % variants.length]));
  })();
  insert.run('/not-json', 'not json');
  db.prepare('DELETE FROM captures WHERE id BETWEEN 100 AND 350').run();
  // They came through the inbox: its ids are ahead of theirs.
  db.prepare(
    "UPDATE sqlite_sequence SET seq = (SELECT MAX(id) FROM captures) WHERE name = 'capture_inbox'",
  ).run();
  db.close();
  return dir.path;
}

const open = (dataDir: string) => {
  const stores = openStores({ dataDir, clock: new FakeClock(1_700_000_000_000) });
  opened.push(stores);
  return stores;
};

const filters: CaptureFilter[] = [
  { header: { name: 'user-agent' } },
  { header: { name: 'Content-Type' } },
  { header: { name: 'content-type', value: 'text/plain' } },
  { header: { name: 'x-Ünï' } },
  { header: { name: 'x-ünï' } },
  { header: { name: 'accept' } },
];

/** What each filter lists (every page) and counts. */
function results(stores: Stores) {
  return filters.map((filter) => {
    const ids: number[] = [];
    let cursor: number | null = null;
    do {
      const page = stores.captures.list({ filter, cursor, limit: 100 });
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return { ids, count: stores.captures.count(filter) };
  });
}

describe('header names of captures filed before migration 048', () => {
  it('are filled after startup, and the filter finds the same captures before, during and after the pass', async () => {
    const stores = open(dataDirBefore048(1000));
    stores.captures.headerNames.stop();
    const highest = stores.db.prepare('SELECT MAX(id) FROM captures').pluck().get() as number;
    // Startup did not do the pass: the filter reads the headers of what it has not reached.
    expect(stores.captures.headerNames.uncoveredBelow()).toBe(highest + 1);
    const before = results(stores);
    expect(before[0]!.count).toBe(500);
    expect(before[3]!.count).toBe(250);
    expect(before[4]!.count).toBe(0);
    expect(before[5]!.count).toBe(0);

    const filed = await stores.captures.add(newCapture({ headers: [['User-Agent', 'new']] }));
    stores.captures.fileWaiting();
    const withNew = before.map((r, i) => (i === 0 ? { ids: [filed, ...r.ids], count: r.count + 1 } : r));
    // One chunk at a time, as the background slices take them: the same captures at every point of the pass.
    let steps = 0;
    while (stores.captures.headerNames.uncoveredBelow() !== null) {
      stores.captures.headerNames.step();
      steps++;
      expect(results(stores)).toEqual(withNew);
    }
    expect(steps).toBeGreaterThan(3);
    expect(
      stores.db.prepare("SELECT COUNT(*) FROM capture_header_names WHERE name = 'user-agent'").pluck().get(),
    ).toBe(501);
    expect(
      stores.db.prepare("SELECT value FROM settings WHERE key LIKE 'headerNames.%'").get(),
    ).toBeUndefined();
  });

  it('run by themselves after startup, and resume where they stopped when the app is closed midway', async () => {
    const dataDir = dataDirBefore048(600);
    const first = open(dataDir);
    first.captures.headerNames.stop();
    const expected = results(first);
    first.captures.headerNames.step();
    first.captures.headerNames.step();
    const stoppedAt = first.captures.headerNames.uncoveredBelow();
    expect(stoppedAt).not.toBeNull();
    first.captures.close();
    first.db.close();
    opened.splice(0);

    const again = open(dataDir);
    expect(again.captures.headerNames.uncoveredBelow()).toBe(stoppedAt);
    while (again.captures.headerNames.uncoveredBelow() !== null)
      await new Promise((resolve) => setImmediate(resolve));
    expect(results(again)).toEqual(expected);
  });
});
