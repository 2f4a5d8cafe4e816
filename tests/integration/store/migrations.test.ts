import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/store/database';
import {
  findMigrationsDir,
  loadMigrations,
  migrate,
  MigrationError,
} from '../../../electron/engine/store/migrator';
import { tempDir } from '../../helpers/temp-dir';
import { holdWriteLock } from '../../helpers/write-lock-holder';

const dirs: Array<{ cleanup(): void }> = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

/** A private copy of the real migrations that a test may edit. */
function copyMigrations(): string {
  const dir = join(fresh(), 'migrations');
  mkdirSync(dir);
  for (const f of readdirSync(findMigrationsDir())) copyFileSync(join(findMigrationsDir(), f), join(dir, f));
  return dir;
}

describe('migrations', () => {
  it('build a fresh database with every migration recorded by hash', () => {
    const db = openDatabase({ dataDir: fresh() });
    const rows = db.prepare('SELECT name, sha256 FROM schema_migrations ORDER BY name').all() as {
      name: string;
      sha256: string;
    }[];
    const files = loadMigrations(findMigrationsDir());
    expect(rows.map((r) => r.name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.sha256)).toEqual(files.map((f) => f.sha256));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(8192);
    db.close();
  });

  it('give captures imported before imported_at_ms existed an import time (the upgrade), none to received ones', () => {
    const all = loadMigrations(findMigrationsDir());
    const upgraded = all.findIndex((m) => m.name === '040_capture_imported_at.sql');
    expect(upgraded).toBeGreaterThan(0);
    const db = new Database(join(fresh(), 'old.db'));
    migrate(db, all.slice(0, upgraded));
    const insert = db.prepare(
      `INSERT INTO captures (received_at_ms, method, path, query, http_version, headers, remote_address, body_size,
         stored_body_size, source) VALUES (0, 'POST', ?, '', '1.1', '[]', '', 0, 0, ?)`,
    );
    insert.run('/imported', 'imported');
    insert.run('/received', 'receiver');
    const before = Date.now();
    expect(migrate(db, all).applied).toContain('040_capture_imported_at.sql');
    const rows = db.prepare('SELECT path, imported_at_ms AS at FROM captures ORDER BY id').all() as {
      path: string;
      at: number | null;
    }[];
    expect(rows[1]).toEqual({ path: '/received', at: null });
    expect(rows[0]!.at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    db.close();
  });

  it('never reuse a deleted endpoint id, also for ids freed before the AUTOINCREMENT migration', () => {
    const all = loadMigrations(findMigrationsDir());
    const upgraded = all.findIndex((m) => m.name === '039_endpoint_ids_never_reused.sql');
    expect(upgraded).toBeGreaterThan(0);
    const db = new Database(join(fresh(), 'old.db'));
    migrate(db, all.slice(0, upgraded));
    const addEndpoint = (slug: string) =>
      Number(
        db
          .prepare("INSERT INTO endpoints (slug, name, rule, created_at_ms) VALUES (?, ?, '{}', 0)")
          .run(slug, slug).lastInsertRowid,
      );
    addEndpoint('default');
    const gone = addEndpoint('gone');
    db.prepare(
      `INSERT INTO captures (received_at_ms, method, path, query, http_version, headers, remote_address, body_size,
         stored_body_size, endpoint_id, source) VALUES (0, 'POST', '/h/gone', '', '1.1', '[]', '', 0, 0, ?, 'receiver')`,
    ).run(gone);
    db.prepare('DELETE FROM endpoints WHERE id = ?').run(gone);
    expect(migrate(db, all).applied).toContain('039_endpoint_ids_never_reused.sql');
    expect(db.prepare('SELECT slug FROM endpoints ORDER BY id').pluck().all()).toEqual(['default']);
    const next = addEndpoint('next');
    expect(next).toBeGreaterThan(gone);
    db.prepare('DELETE FROM endpoints WHERE id = ?').run(next);
    expect(addEndpoint('after')).toBeGreaterThan(next);
    db.close();
  });

  it('never reuse a deleted saved webhook id, also for ids freed before the AUTOINCREMENT migration', () => {
    const all = loadMigrations(findMigrationsDir());
    const upgraded = all.findIndex((m) => m.name === '042_saved_webhook_ids_never_reused.sql');
    expect(upgraded).toBeGreaterThan(0);
    const db = new Database(join(fresh(), 'old.db'));
    migrate(db, all.slice(0, upgraded));
    const addWebhook = (name: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO saved_webhooks (name, method, url, headers_json, body, policy, created_at_ms, updated_at_ms)
               VALUES (?, 'POST', 'http://127.0.0.1:9/', '[]', '', 'none', 0, 0)`,
          )
          .run(name).lastInsertRowid,
      );
    addWebhook('kept');
    const gone = addWebhook('gone');
    // A delivery sent from it names it after it is deleted.
    db.prepare(
      `INSERT INTO deliveries (uid, created_at_ms, type, policy, state, method, url, origin, headers_json, body,
         timeout_ms, webhook_id) VALUES ('d1', 0, 'manual', 'none', 'succeeded', 'POST', 'http://127.0.0.1:9/',
         'http://127.0.0.1:9', '[]', x'', 1000, ?)`,
    ).run(gone);
    db.prepare('DELETE FROM saved_webhooks WHERE id = ?').run(gone);
    expect(migrate(db, all).applied).toContain('042_saved_webhook_ids_never_reused.sql');
    expect(db.prepare('SELECT name FROM saved_webhooks ORDER BY id').pluck().all()).toEqual(['kept']);
    const next = addWebhook('next');
    expect(next).toBeGreaterThan(gone);
    db.prepare('DELETE FROM saved_webhooks WHERE id = ?').run(next);
    expect(addWebhook('after')).toBeGreaterThan(next);
    db.close();
  });

  it('never reuse a deleted environment id, also for ids freed before the AUTOINCREMENT migration', () => {
    const all = loadMigrations(findMigrationsDir());
    const upgraded = all.findIndex((m) => m.name === '049_environment_ids_never_reused.sql');
    expect(upgraded).toBeGreaterThan(0);
    const db = new Database(join(fresh(), 'old.db'));
    migrate(db, all.slice(0, upgraded));
    const addEnvironment = (name: string) =>
      Number(
        db
          .prepare(
            "INSERT INTO environments (name, variables_json, active, updated_at_ms) VALUES (?, '{}', 1, 7)",
          )
          .run(name).lastInsertRowid,
      );
    addEnvironment('kept');
    const gone = addEnvironment('gone');
    db.prepare('DELETE FROM environments WHERE id = ?').run(gone);
    expect(migrate(db, all).applied).toContain('049_environment_ids_never_reused.sql');
    expect(db.prepare('SELECT name, active, updated_at_ms FROM environments').all()).toEqual([
      { name: 'kept', active: 1, updated_at_ms: 7 },
    ]);
    const next = addEnvironment('next');
    db.prepare('DELETE FROM environments WHERE id = ?').run(next);
    expect(addEnvironment('after')).toBeGreaterThan(next);
    db.close();
  });

  it('remember the secret names of the endpoints there are when secret_names is added (exports redact them)', () => {
    const all = loadMigrations(findMigrationsDir());
    const upgraded = all.findIndex((m) => m.name === '041_secret_names.sql');
    expect(upgraded).toBeGreaterThan(0);
    const db = new Database(join(fresh(), 'old.db'));
    migrate(db, all.slice(0, upgraded));
    const addEndpoint = db.prepare(
      "INSERT INTO endpoints (slug, name, rule, auth, verify, created_at_ms) VALUES (?, ?, '{}', ?, ?, 0)",
    );
    addEndpoint.run('h', 'h', '{"kind":"header","name":"X-Pass","value":"v"}', null);
    addEndpoint.run('q', 'q', '{"kind":"query","name":"Pin","value":"v"}', '{"scheme":"none","secret":""}');
    addEndpoint.run(
      'v',
      'v',
      '{"kind":"basic","username":"u","password":"p"}',
      '{"scheme":"hmac","secret":"s","header":"X-Ortto-Hash"}',
    );
    expect(migrate(db, all).applied).toContain('041_secret_names.sql');
    expect(db.prepare('SELECT kind, name FROM secret_names ORDER BY kind, name').all()).toEqual([
      { kind: 'header', name: 'x-ortto-hash' },
      { kind: 'header', name: 'x-pass' },
      { kind: 'query', name: 'pin' },
    ]);
    db.close();
  });

  it('re-run as a no-op on an up-to-date database', () => {
    const dataDir = fresh();
    openDatabase({ dataDir }).close();
    const db = new Database(join(dataDir, 'hookscope.sqlite'));
    expect(migrate(db, loadMigrations(findMigrationsDir())).applied).toEqual([]);
    db.close();
  });

  it('skip a migration another process applied after this one read the list (the app and a CLI opening together)', async () => {
    const dataDir = fresh();
    const file = join(dataDir, 'hookscope.sqlite');
    const all = loadMigrations(findMigrationsDir());
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(old, all.slice(0, all.length - 3));
    old.close();
    // It applies the rest while this one reads what is applied.
    const other = await holdWriteLock(
      file,
      all
        .slice(-3)
        .map((m) => `${m.sql};INSERT INTO schema_migrations VALUES ('${m.name}', '${m.sha256}', 0)`)
        .join(';'),
    );
    const db = openDatabase({ dataDir });
    await other.exited;
    const names = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
    expect(names).toEqual(all.map((m) => m.name));
    db.close();
  });

  it('refuse an edited migration and leave the database untouched', () => {
    const dataDir = fresh();
    const migrations = copyMigrations();
    const db = openDatabase({ dataDir, migrationsDir: migrations });
    db.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'kept')").run();
    db.close();
    writeFileSync(join(migrations, '001_core.sql'), '-- edited\n', { flag: 'a' });
    expect(() => openDatabase({ dataDir, migrationsDir: migrations })).toThrow(/001_core\.sql was edited/);
    const check = new Database(join(dataDir, 'hookscope.sqlite'));
    expect(check.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    check.close();
  });

  it('roll back a failing migration completely and report it', () => {
    const dataDir = fresh();
    const migrations = copyMigrations();
    openDatabase({ dataDir, migrationsDir: migrations }).close();
    writeFileSync(
      join(migrations, '999_broken.sql'),
      'CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n',
    );
    let error: unknown;
    try {
      openDatabase({ dataDir, migrationsDir: migrations });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect(String(error)).toMatch(/999_broken\.sql failed and was rolled back/);
    const check = new Database(join(dataDir, 'hookscope.sqlite'));
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(
      check.prepare("SELECT 1 FROM schema_migrations WHERE name = '999_broken.sql'").get(),
    ).toBeUndefined();
    check.close();
  });

  it('refuse a database migrated by a newer version, naming the file', () => {
    const dataDir = fresh();
    const db = openDatabase({ dataDir });
    db.prepare("INSERT INTO schema_migrations VALUES ('998_future.sql', 'abc', 0)").run();
    db.close();
    expect(() => openDatabase({ dataDir })).toThrow(
      `${join(dataDir, 'hookscope.sqlite')} was migrated by a newer Hookscope (it has migration 998_future.sql`,
    );
  });

  it("refuse another program's SQLite database without changing it, naming the file", () => {
    const dataDir = fresh();
    const file = join(dataDir, 'hookscope.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");
    other.close();
    expect(() => openDatabase({ dataDir })).toThrow(
      `${file} is not a Hookscope database (it has tables notes and no schema_migrations)`,
    );
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual([
      'notes',
    ]);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('name the file that is not a SQLite database at all', () => {
    const dataDir = fresh();
    const file = join(dataDir, 'hookscope.sqlite');
    writeFileSync(file, 'not a database, just text '.repeat(10));
    expect(() => openDatabase({ dataDir })).toThrow(
      new RegExp(`^Could not open the Hookscope database ${file}: .*not a SQLite database`),
    );
  });
});
