import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../electron/engine/store/database';
import { findMigrationsDir, loadMigrations, migrate } from '../../../electron/engine/store/migrator';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { searchIndexFileName } from '../../../electron/engine/store/search-index/index-schema';
import { FakeClock } from '../../../electron/engine/util/clock';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';
import { holdWriteLock } from '../../helpers/write-lock-holder';

let dir: ReturnType<typeof tempDir>;
let stores: Stores | null;
let indexFailures: unknown[];

const open = () => {
  stores = openStores({
    dataDir: dir.path,
    clock: new FakeClock(1_700_000_000_000),
    events: { indexFailed: (error) => indexFailures.push(error) },
  });
  return stores;
};
const close = () => {
  stores?.captures.close();
  stores?.db.close();
  stores = null;
};
beforeEach(() => {
  dir = tempDir();
  indexFailures = [];
  stores = null;
});
afterEach(() => {
  close();
  dir.cleanup();
});

const capture = (word: string) =>
  newCapture({ headers: [], remotePort: 1, body: Buffer.from(JSON.stringify({ word })) });
const searchIds = (s: Stores, text: string) =>
  s.captures.list({ filter: { text }, limit: 50 }).items.map((c) => c.id);
/** Index rows of the word, straight from the index file (orphans included: no join with captures). */
const indexRows = (s: Stores, word: string) =>
  s.db.prepare('SELECT rowid FROM idx.captures_fts WHERE captures_fts MATCH ?').pluck().all(`"${word}"`);
/** FTS5 keeps one or more rows per segment in its %_idx table. */
const segments = (s: Stores) =>
  s.db.prepare('SELECT COUNT(DISTINCT segid) FROM idx.captures_fts_idx').pluck().get() as number;

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the search index in its own file', () => {
  it('keeps the index out of the captures database', async () => {
    const s = open();
    const id = await s.captures.add(capture('separate'));
    s.captures.indexer.drain();
    expect(searchIds(s, 'separate')).toEqual([id]);
    close();
    expect(existsSync(join(dir.path, searchIndexFileName))).toBe(true);
    const main = new Database(join(dir.path, databaseFileName), { readonly: true });
    const tables = main.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'captures_fts%'").all();
    main.close();
    expect(tables).toEqual([]);
    const index = new Database(join(dir.path, searchIndexFileName), { readonly: true });
    expect(index.prepare('SELECT indexed_upto FROM index_state').pluck().get()).toBe(id);
    index.close();
  });

  it('indexes while another connection holds the index, without waiting for it or reporting a failure', async () => {
    const s = open();
    const holder = new Database(join(dir.path, searchIndexFileName));
    holder.exec('BEGIN IMMEDIATE');
    let ids: number[];
    try {
      // The merger's lock never delays acknowledgements: captures still commit.
      ids = await Promise.all(['held1', 'held2'].map((w) => s.captures.add(capture(w))));
      s.captures.fileWaiting();
      // A slice long enough to prepare both rows on a loaded machine (a default slice may stop after one and not
      // try the write yet), yet not the blocking drain.
      expect(s.captures.indexer.runOnce(60_000)).toBe(0);
      expect(indexFailures).toEqual([]);
      expect(s.captures.indexer.indexedUpTo()).toBe(0);
      expect(s.captures.indexer.writeWaiting[0]).toBe(1); // tells the merging worker to let it in
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    s.captures.indexer.drain();
    expect(s.captures.indexer.writeWaiting[0]).toBe(0);
    expect(searchIds(s, 'held2')).toEqual([ids[1]]);
    expect(indexFailures).toEqual([]);
  });

  it('removes the index rows of deleted captures with the next write, and never shows them meanwhile', async () => {
    const s = open();
    const ids = await Promise.all(['keep', 'drop'].map((w) => s.captures.add(capture(w))));
    s.captures.indexer.drain();
    s.captures.delete([ids[1]!]);
    expect(searchIds(s, 'drop')).toEqual([]);
    s.captures.indexer.drain();
    expect(indexRows(s, 'drop')).toEqual([]);
    expect(indexRows(s, 'keep')).toEqual([ids[0]]);

    s.captures.deleteAll();
    const later = await s.captures.add(capture('after'));
    s.captures.indexer.drain();
    expect(indexRows(s, 'keep')).toEqual([]);
    expect(indexRows(s, 'after')).toEqual([later]);
  });

  it('drops, at open, index rows that a crash left below the oldest capture', async () => {
    const s = open();
    const ids = await Promise.all(['old1', 'old2', 'new1'].map((w) => s.captures.add(capture(w))));
    s.captures.indexer.drain();
    // Retention deleted the two oldest and the process died before the index heard of it.
    s.db.prepare('DELETE FROM captures WHERE id <= ?').run(ids[1]);
    close();
    const reopened = open();
    reopened.captures.indexer.drain();
    expect(indexRows(reopened, 'old1')).toEqual([]);
    expect(indexRows(reopened, 'old2')).toEqual([]);
    expect(indexRows(reopened, 'new1')).toEqual([ids[2]]);
  });

  it('rebuilds a missing or damaged index file from the captures', async () => {
    const s = open();
    const id = await s.captures.add(capture('rebuilt'));
    s.captures.indexer.drain();
    close();
    writeFileSync(join(dir.path, searchIndexFileName), 'not a database at all, '.repeat(400));
    const damaged = open();
    expect(damaged.captures.indexer.indexedUpTo()).toBe(0);
    damaged.captures.indexer.drain();
    expect(searchIds(damaged, 'rebuilt')).toEqual([id]);
  });

  it('keeps an index another process brought up to date while this one waited to rebuild it', async () => {
    const first = open();
    await first.captures.add(capture('kept'));
    first.captures.indexer.drain();
    close();
    const file = join(dir.path, searchIndexFileName);
    const index = new Database(file);
    const current = index.pragma('user_version', { simple: true }) as number;
    index.pragma('user_version = 1');
    index.close();
    // It finishes its rebuild (here: only the version) while this one finds the file outdated.
    const other = await holdWriteLock(file, `PRAGMA user_version = ${current}`);
    const s = open();
    await other.exited;
    expect(s.db.pragma('idx.user_version', { simple: true })).toBe(current);
    expect(s.captures.indexer.indexedUpTo()).toBe(1);
  });

  it('moves an index from the captures database (before migration 035) into its own file', () => {
    const file = join(dir.path, databaseFileName);
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(
      old,
      loadMigrations(findMigrationsDir()).filter((m) => m.name < '035'),
    );
    old
      .prepare(
        `INSERT INTO captures (received_at_ms, method, path, query, http_version, headers, remote_address, body_size,
          stored_body_size, source) VALUES (1, 'POST', '/old', '', '1.1', '[]', '127.0.0.1', 9, 9, 'receiver')`,
      )
      .run();
    old
      .prepare('INSERT INTO capture_bodies (capture_id, body) VALUES (1, CAST(\'{"a":"legacy"}\' AS BLOB))')
      .run();
    old.exec(
      "INSERT INTO captures_fts (rowid, path, query, headers, body, labels) VALUES (1, '/old', '', '', 'legacy', '')",
    );
    old.exec("UPDATE counters SET value = 1 WHERE name = 'fts_indexed_upto'");
    old.close();

    const s = open();
    expect(s.db.prepare("SELECT name FROM main.sqlite_master WHERE name LIKE 'captures_fts%'").all()).toEqual(
      [],
    );
    expect(s.captures.indexer.progress()).toMatchObject({ indexedUpTo: 0, lagRows: 1 });
    s.captures.indexer.drain();
    expect(searchIds(s, 'legacy')).toEqual([1]);
  });

  it('merges the segments that writes leave, off the receiver’s thread', async () => {
    const s = open();
    // Each drain writes one transaction, so one segment; 12 stay under FTS5's crisis merge (16).
    for (let i = 0; i < 12; i++) {
      await s.captures.add(capture(`segment${i}`));
      s.captures.indexer.drain();
    }
    // Writes never merge (automerge 0): without the merger twelve segments would stay. It merges eight at a time.
    await until(() => segments(s) <= 5);
    expect(searchIds(s, 'segment0')).toHaveLength(1);
    expect(searchIds(s, 'segment11')).toHaveLength(1);
  });

  it('starts no merge step while an index write is waiting for the lock', async () => {
    const s = open();
    const waiting = s.captures.indexer.writeWaiting;
    Atomics.store(waiting, 0, 1);
    const insert = s.db.prepare(
      "INSERT INTO idx.captures_fts (rowid, path, query, headers, body, labels) VALUES (?, '/p', '', '', ?, '')",
    );
    for (let i = 1; i <= 12; i++) insert.run(i, `waiting${i}`); // one transaction, so one segment, each
    expect(segments(s)).toBe(12);
    await new Promise((r) => setTimeout(r, 1_000)); // the worker ticks every 250 ms when idle
    expect(segments(s)).toBe(12);
    Atomics.store(waiting, 0, 0);
    await until(() => segments(s) <= 5);
  });
});
