import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine } from '../../../electron/engine/engine';
import { lockFileName } from '../../../electron/engine/store/data-dir-lock';
import { databaseFileName } from '../../../electron/engine/store/database';
import { findMigrationsDir, loadMigrations, migrate } from '../../../electron/engine/store/migrator';
import { searchIndexFileName } from '../../../electron/engine/store/search-index/index-schema';
import { silentLogger } from '../../../electron/engine/util/logger';
import { useCleanup } from '../../helpers/cleanup';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';
import { holdDataDir } from '../../helpers/write-lock-holder';
import { cliIo as io } from '../../helpers/cli-io';

const cleanups = useCleanup();

const newDir = () => {
  const dir = tempDir();
  cleanups.push(dir.cleanup);
  return dir.path;
};

/** A data folder written by an older build: only its first three migrations applied. */
function olderFolder(): string {
  const dataDir = newDir();
  const db = new Database(join(dataDir, databaseFileName));
  migrate(db, loadMigrations(findMigrationsDir()).slice(0, 3));
  db.close();
  return dataDir;
}

/** A current data folder with one capture, its app stopped. */
async function currentFolder(): Promise<string> {
  const dataDir = newDir();
  const app = await createEngine({ dataDir, mode: 'test', log: silentLogger });
  await send(`${app.receiverUrl}/hook/one`, { method: 'POST', body: 'one' });
  app.ctx.captures.indexer.drain();
  await app.close();
  return dataDir;
}

const read = <T>(file: string, query: (db: Database.Database) => T): T => {
  const db = new Database(file, { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
};
const migrationCount = (dataDir: string) =>
  read(join(dataDir, databaseFileName), (db) =>
    db.prepare('SELECT count(*) FROM schema_migrations').pluck().get(),
  );

const readers = [
  ['export', '--data-dir'],
  ['tail', '--last', '1', '--exit-after', '1', '--data-dir'],
];

describe('a reading command on a data folder that needs an upgrade', () => {
  it('refuses while another Hookscope has the folder open, and leaves its schema as it was', async () => {
    const dataDir = olderFolder();
    const holder = await holdDataDir(dataDir);
    cleanups.push(holder.release);
    for (const command of readers) {
      const out = io();
      expect(await main([...command, dataDir], out.io)).toBe(1);
      expect(out.err()).toContain(
        `This data folder (${dataDir}) needs an upgrade or its search index set up, but another Hookscope has it open ` +
          `(pid ${holder.pid}). Quit it and run this command again, or let the newest Hookscope app/serve open the ` +
          'folder: it does both.',
      );
    }
    expect(migrationCount(dataDir)).toBe(3);
    expect(existsSync(join(dataDir, searchIndexFileName))).toBe(false);
  });

  it('refuses to rebuild a search index of another version while the folder is open', async () => {
    const dataDir = await currentFolder();
    const index = join(dataDir, searchIndexFileName);
    const db = new Database(index);
    db.pragma('user_version = 3');
    db.close();
    const holder = await holdDataDir(dataDir);
    cleanups.push(holder.release);
    const out = io();
    expect(await main(['export', '--data-dir', dataDir], out.io)).toBe(1);
    expect(out.err()).toContain('but another Hookscope has it open');
    expect(read(index, (idx) => idx.pragma('user_version', { simple: true }))).toBe(3);
  });

  it('upgrades it when nothing has it open, then reads, and leaves no lock behind', async () => {
    const dataDir = olderFolder();
    const out = io();
    expect(await main(['export', '--data-dir', dataDir], out.io)).toBe(0);
    expect(out.err()).toContain('exported 0 capture(s)');
    expect(migrationCount(dataDir)).toBe(loadMigrations(findMigrationsDir()).length);
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
  });

  it('reads a current folder beside the Hookscope that has it open, as before', async () => {
    const dataDir = await currentFolder();
    const holder = await holdDataDir(dataDir);
    cleanups.push(holder.release);
    const exported = io();
    expect(await main(['export', '--data-dir', dataDir], exported.io)).toBe(0);
    expect(JSON.parse(exported.out()).path).toBe('/hook/one');
    const tailed = io();
    expect(await main([...readers[1]!, dataDir], tailed.io)).toBe(0);
    expect(tailed.out()).toContain('/hook/one');
  });
});
