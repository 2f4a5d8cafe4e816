import Database from 'better-sqlite3';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine } from '../../../electron/engine/engine';
import { databaseFileName } from '../../../electron/engine/store/database';
import { searchIndexFileName } from '../../../electron/engine/store/search-index/index-schema';
import { silentLogger } from '../../../electron/engine/util/logger';
import { useCleanup } from '../../helpers/cleanup';
import { cliIo } from '../../helpers/cli-io';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';
import { holdAppWriteLocks, holdDataDir } from '../../helpers/write-lock-holder';

const cleanups = useCleanup();

/** A folder an app filed and indexed one capture in, then changed with `sql` on the captures (`idx`: the index). */
async function folderWith(sql: string): Promise<string> {
  const dir = tempDir();
  cleanups.push(dir.cleanup);
  const app = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await send(`${app.receiverUrl}/hook/one`, { method: 'POST', body: 'needle' });
  app.ctx.captures.indexer.drain();
  await app.close();
  const db = new Database(join(dir.path, databaseFileName));
  db.prepare('ATTACH DATABASE ? AS idx').run(join(dir.path, searchIndexFileName));
  db.exec(sql);
  db.close();
  return dir.path;
}

/** Every file of the folder with its size and modification time. */
function snapshot(dataDir: string): string[] {
  return readdirSync(dataDir)
    .sort()
    .map((name) => {
      const stat = statSync(join(dataDir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });
}

/** Changes when another connection commits to the captures or the index. */
function dataVersions(reader: Database.Database) {
  return [
    reader.pragma('data_version', { simple: true }),
    reader.pragma('idx.data_version', { simple: true }),
  ];
}

/** Runs `args` through the CLI with the app holding the folder and both write locks; proves nothing was written. */
async function besideWritingApp(dataDir: string, args: string[]) {
  const reader = new Database(join(dataDir, databaseFileName), { readonly: true });
  reader.prepare('ATTACH DATABASE ? AS idx').run(join(dataDir, searchIndexFileName));
  cleanups.push(() => reader.close());
  const versions = dataVersions(reader);
  cleanups.push((await holdAppWriteLocks(dataDir)).release);
  const before = snapshot(dataDir);
  const out = cliIo();
  const code = await main([...args, '--data-dir', dataDir], out.io);
  expect(snapshot(dataDir)).toEqual(before);
  expect(dataVersions(reader)).toEqual(versions);
  expect(out.err()).not.toContain('locked');
  return { code, out };
}

it('export beside a running app never inserts the default endpoint a folder lacks: it is taken as there', async () => {
  const dataDir = await folderWith('DELETE FROM endpoints WHERE is_default = 1');
  const { code, out } = await besideWritingApp(dataDir, ['export']);
  expect(out.err()).toBe('exported 1 capture(s) as jsonl\n');
  expect(code).toBe(0);
  expect((JSON.parse(out.out().trim().split('\n')[0]!) as { path: string }).path).toBe('/hook/one');
}, 30_000);

it('tail beside a running app never inserts the default endpoint a folder lacks', async () => {
  const dataDir = await folderWith('DELETE FROM endpoints WHERE is_default = 1');
  const { code, out } = await besideWritingApp(dataDir, [
    'tail',
    '--json',
    '--last',
    '1',
    '--exit-after',
    '1',
  ]);
  expect(out.err()).toBe('');
  expect(code).toBe(0);
  expect((JSON.parse(out.out()) as { path: string }).path).toBe('/hook/one');
}, 30_000);

it('export beside a running app never creates the search index file a folder lacks: it says the folder needs the app', async () => {
  const dataDir = await folderWith('SELECT 1');
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(join(dataDir, searchIndexFileName + suffix), { force: true });
  cleanups.push((await holdDataDir(dataDir)).release);
  const before = snapshot(dataDir);
  const out = cliIo();
  const code = await main(['export', '--data-dir', dataDir], out.io);
  expect(snapshot(dataDir)).toEqual(before);
  expect(code).not.toBe(0);
  expect(out.err()).toContain(
    'needs an upgrade or its search index set up, but another Hookscope has it open',
  );
}, 30_000);
