import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
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
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '../delivery/cli-main-child.ts'),
        'serve',
        '--data-dir',
        data.path,
        '--receiver-port',
        '0',
        '--ui-port',
        '0',
        '--no-ui',
        '--json-ready',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const lock = join(data.path, 'hookscope.lock');
    // The folder is taken: serve is now opening the database, held up by our write lock.
    await until(() => existsSync(lock) || child.exitCode !== null);
    child.kill('SIGINT');
    other.exec('ROLLBACK');
    other.close();

    expect(await exited, err).toEqual({ code: 0, signal: null });
    expect(existsSync(lock)).toBe(false);
    // The upgrade it was waiting for was finished, not cut off: the folder opens as a current one.
    const db = new Database(join(data.path, 'hookscope.sqlite'), { readonly: true });
    cleanups.push(() => db.close());
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBeGreaterThan(0);
  },
  60_000,
);
