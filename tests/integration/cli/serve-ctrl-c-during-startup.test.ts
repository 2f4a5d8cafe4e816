import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { startServeChild } from '../../helpers/serve-child';
import { tempDir } from '../../helpers/temp-dir';

const cleanups = useCleanup();

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
};

// Startup can take a while (an upgrade waiting for the database's write lock, a large migration, an index rebuild):
// Ctrl+C meanwhile must stop serve as cleanly as once it is ready, not kill it with the data folder's lock left behind.
// Here another process holds the database's write lock, so serve's upgrade waits inside startup until it lets go.
it.skipIf(process.platform === 'win32')(
  'serve: Ctrl+C while it starts stops it cleanly once started: exit 0, the lock released',
  async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const other = new Database(join(data.path, 'hookscope.sqlite'));
    cleanups.push(() => other.open && other.close());
    other.pragma('page_size = 8192');
    other.pragma('journal_mode = WAL');
    other.exec('BEGIN IMMEDIATE');
    const { child, exited, output } = startServeChild(data.path, cleanups);
    const lock = join(data.path, 'hookscope.lock');
    // The folder is taken: serve is now opening the database, held up by our write lock.
    await until(() => existsSync(lock) || child.exitCode !== null);
    child.kill('SIGINT');
    other.exec('ROLLBACK');
    other.close();

    expect(await exited, output.stderr).toEqual({ code: 0, signal: null });
    expect(existsSync(lock)).toBe(false);
    // The upgrade it was waiting for was finished, not cut off: the folder opens as a current one.
    const db = new Database(join(data.path, 'hookscope.sqlite'), { readonly: true });
    cleanups.push(() => db.close());
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBeGreaterThan(0);
  },
  60_000,
);
