import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findMigrationsDir, loadMigrations, migrate } from '../../../electron/engine/store/migrator';
import { tempDir } from '../../helpers/temp-dir';

const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

/**
 * A database of an older Hookscope (all but the last three migrations) and a folder with every real migration plus
 * `999_<name>.sql` holding `lastSql`: an upgrade of four migrations whose last one does not finish.
 */
function olderDatabaseAndUpgrade(lastSql: string): { file: string; migrations: string; older: string[] } {
  const dir = tempDir();
  dirs.push(dir);
  const all = loadMigrations(findMigrationsDir());
  const file = join(dir.path, 'hookscope.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, all.slice(0, -3));
  db.close();
  const migrations = join(dir.path, 'migrations');
  mkdirSync(migrations);
  for (const m of all) copyFileSync(join(findMigrationsDir(), m.name), join(migrations, m.name));
  writeFileSync(join(migrations, '999_last.sql'), lastSql);
  return { file, migrations, older: all.slice(0, -3).map((m) => m.name) };
}

function recorded(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('an upgrade of several migrations', () => {
  it('that fails in its last migration leaves the older database as it was, so the older version still opens it', () => {
    const { file, migrations, older } = olderDatabaseAndUpgrade('INSERT INTO no_such_table VALUES (1);\n');
    const db = new Database(file);
    expect(() => migrate(db, loadMigrations(migrations))).toThrow(
      /999_last\.sql failed.*no migration of this upgrade was applied/,
    );
    db.close();
    expect(recorded(file)).toEqual(older);
    // The older version opens it again: it finds no migration it lacks.
    const again = new Database(file);
    expect(migrate(again, loadMigrations(findMigrationsDir()).slice(0, -3)).applied).toEqual([]);
    again.close();
  });

  it('killed with SIGKILL in its last migration leaves the older database as it was', async () => {
    const { file, migrations, older } = olderDatabaseAndUpgrade('SELECT pause_here();\n');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./migrate-paused-child.ts', import.meta.url)),
        file,
        migrations,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(child, 'exit');
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    expect(line).toBe('paused');
    child.kill('SIGKILL');
    await exited;
    expect(recorded(file)).toEqual(older);
  }, 30_000);
});
