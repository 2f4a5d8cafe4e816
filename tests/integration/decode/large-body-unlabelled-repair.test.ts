import Database from 'better-sqlite3';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  LARGE_BODY_UNCHECKED_KEY,
  LargeBodyBacklog,
} from '../../../electron/engine/decode/large-body-backlog';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { databaseFileName } from '../../../electron/engine/store/database';
import { findMigrationsDir, loadMigrations, migrate } from '../../../electron/engine/store/migrator';
import { silentLogger } from '../../../electron/engine/util/logger';
import { useCleanup } from '../../helpers/cleanup';
import { tempDir } from '../../helpers/temp-dir';

const meta = { transport: 'in-process' } as const;
const cleanups = useCleanup();

const start = async (dataDir: string): Promise<Engine> => {
  const engine = await createEngine({ dataDir, mode: 'test', log: silentLogger });
  cleanups.push(() => engine.close());
  return engine;
};

/** An Ortto activity webhook padded past the 64 KB the filer classifies inline. */
const bigActivity = (fieldId: string) =>
  JSON.stringify({
    activity: { field_id: fieldId, attr: { 'str:cm:notes': 'x'.repeat(300 * 1024) } },
    contact: { email: 'a@example.com' },
    webhook_id: 'w1',
  });

type OldRow = { path: string; body: Buffer; encoding?: string; vendor?: string; eventLabel?: string };

/**
 * A data folder as builds before the large-body waiting mark left it: schema up to migration 060, and captures over
 * 64 KB (or compressed) filed with no label and nothing saying they still wait for one.
 */
function folderLeftByOldBuild(rows: OldRow[]): string {
  const dir = tempDir();
  cleanups.push(dir.cleanup);
  const db = new Database(join(dir.path, databaseFileName));
  migrate(
    db,
    loadMigrations(findMigrationsDir()).filter((m) => m.name < '061'),
  );
  const insertCapture = db.prepare(`INSERT INTO captures (received_at_ms, method, path, query, http_version,
    headers, remote_address, remote_port, content_type, content_encoding, body_size, stored_body_size, source, vendor,
    event_label) VALUES (?, 'POST', ?, '', '1.1', ?, '127.0.0.1', 40000, 'application/json', ?, ?, ?, 'receiver', ?, ?)`);
  const insertBody = db.prepare('INSERT INTO capture_bodies (capture_id, body) VALUES (?, ?)');
  for (const [i, row] of rows.entries()) {
    const headers: Array<[string, string]> = [['Content-Type', 'application/json']];
    if (row.encoding) headers.push(['Content-Encoding', row.encoding]);
    const { lastInsertRowid } = insertCapture.run(
      Date.now() - 60_000 + i,
      row.path,
      JSON.stringify(headers),
      row.encoding ?? null,
      row.body.length,
      row.body.length,
      row.vendor ?? null,
      row.eventLabel ?? null,
    );
    insertBody.run(lastInsertRowid, row.body);
  }
  db.close();
  return dir.path;
}

const labels = async (engine: Engine) =>
  (await engine.handlers['captures.list']({ limit: 10 }, meta)).items
    .map((c) => [c.path, c.vendor, c.eventLabel])
    .reverse();

/** Captures with lower ids are still to be checked (undefined: none are). */
const uncheckedBelow = (db: Database.Database) =>
  db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LARGE_BODY_UNCHECKED_KEY);

describe('large or compressed captures an older build filed and never labelled', () => {
  it('are labelled once, in the background, after the upgrade; those of no vendor stay unlabelled', async () => {
    const dataDir = folderLeftByOldBuild([
      { path: '/plain', body: Buffer.from(bigActivity('act:cm:flt-bkd')) },
      { path: '/gzip', body: gzipSync(bigActivity('act:cm:zip-big')), encoding: 'gzip' },
      { path: '/no-vendor', body: Buffer.from(JSON.stringify({ notes: 'x'.repeat(300 * 1024) })) },
      { path: '/small', body: Buffer.from('{"a":1}'), vendor: 'Ortto', eventLabel: 'Tag added' },
    ]);
    const app = await start(dataDir);
    const expected = [
      ['/plain', 'Ortto', 'Flt bkd'],
      ['/gzip', 'Ortto', 'Zip big'],
      ['/no-vendor', null, null],
      ['/small', 'Ortto', 'Tag added'],
    ];
    for (let i = 0; i < 200; i++) {
      if (
        JSON.stringify(await labels(app)) === JSON.stringify(expected) &&
        uncheckedBelow(app.ctx.db) === undefined
      )
        break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await labels(app)).toEqual(expected);
    // Done: nothing is left to check on the next start.
    expect(uncheckedBelow(app.ctx.db)).toBeUndefined();
  });

  it('goes newest first a chunk at a time, and a stop part-way resumes after the last chunk done', () => {
    const small = { path: '/p', body: Buffer.from('{}') };
    const db = new Database(
      join(folderLeftByOldBuild(Array.from({ length: 10 }, () => small)), databaseFileName),
    );
    cleanups.push(() => db.close());
    migrate(db, loadMigrations(findMigrationsDir()));
    const evenIds = (from: number, through: number) =>
      Array.from({ length: through - from + 1 }, (_, i) => ({ id: from + i })).filter((c) => c.id % 2 === 0);
    const stored = () => uncheckedBelow(db);
    expect(stored()).toBe('11');

    const first = new LargeBodyBacklog(db, evenIds, 4);
    expect([first.next(), first.next()]).toEqual([{ id: 8 }, { id: 10 }]);
    expect(stored()).toBe('11'); // 10 may not be classified yet
    expect(first.next()).toEqual({ id: 4 });
    expect(stored()).toBe('7');

    // Stopped here: 4 and 6 were not done for sure, so they come again.
    const resumed = new LargeBodyBacklog(db, evenIds, 4);
    const rest = [];
    for (let i = 0; i < 10 && !resumed.done; i++) rest.push(resumed.next());
    expect(rest).toEqual([{ id: 4 }, { id: 6 }, { id: 2 }, undefined]);
    expect(stored()).toBeUndefined();
    expect(new LargeBodyBacklog(db, evenIds, 4).done).toBe(true);
  });

  it('leaves the captures after a waiting mark to it', () => {
    const small = { path: '/p', body: Buffer.from('{}') };
    const db = new Database(join(folderLeftByOldBuild([small, small, small]), databaseFileName));
    cleanups.push(() => db.close());
    db.prepare("INSERT INTO settings (key, value) VALUES ('largeBody.pendingAfterId', '1')").run();
    migrate(db, loadMigrations(findMigrationsDir()));
    expect(uncheckedBelow(db)).toBe('2');
  });

  it('has nothing to repair in a folder created by this build', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const app = await start(dir.path);
    expect(uncheckedBelow(app.ctx.db)).toBeUndefined();
  });
});
