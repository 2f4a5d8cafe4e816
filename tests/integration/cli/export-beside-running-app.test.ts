import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine } from '../../../electron/engine/engine';
import { openStores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { startChild } from '../../helpers/crash-run';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';
import { cliIo } from '../../helpers/cli-io';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const newDir = () => {
  const dir = tempDir();
  cleanups.push(dir.cleanup);
  return dir.path;
};

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

it('export --search beside an app receiving a steady loop of requests never fails with "database is locked"', async () => {
  const dataDir = newDir();
  const { child, info } = await startChild(join(import.meta.dirname, 'receiving-app-child.ts'), dataDir);
  cleanups.push(() => stop(child));
  const failures: string[] = [];
  for (let run = 0; run < 40; run++) {
    const out = cliIo();
    const code = await main(['export', '--data-dir', dataDir, '--search', 'needle'], out.io).catch(
      (error: unknown) => String(error),
    );
    if (code !== 0) failures.push(`run ${run}: ${code} ${out.err()}`);
  }
  expect(failures).toEqual([]);
  expect((await send(`${info.receiverUrl}/hook/after`, { method: 'POST', body: 'x' })).status).toBe(200);
}, 120_000);

/** A folder with one capture its app filed but never indexed. */
async function filedNotIndexed(): Promise<string> {
  const dataDir = newDir();
  const app = await createEngine({ dataDir, mode: 'test', log: silentLogger });
  await send(`${app.receiverUrl}/hook/one`, { method: 'POST', body: 'needle' });
  app.ctx.captures.indexer.drain();
  await app.close();
  const stores = openStores({ dataDir, clock: systemClock, filing: 'never' });
  stores.db.exec("INSERT INTO captures_fts (captures_fts) VALUES ('delete-all')");
  stores.db.prepare('UPDATE idx.index_state SET indexed_upto = 0').run();
  stores.captures.close();
  stores.db.close();
  return dataDir;
}

/** A running app in the middle of writing: it holds the folder and the write locks of the captures and the index. */
async function appWriting(dataDir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const { join } = require('node:path');
       const { writeFileSync } = require('node:fs');
       const db = new (require('better-sqlite3'))(join(process.argv[1], 'hookscope.sqlite'));
       db.prepare('ATTACH DATABASE ? AS idx').run(join(process.argv[1], 'hookscope-index.sqlite'));
       writeFileSync(join(process.argv[1], 'hookscope.lock'), String(process.pid), { flag: 'wx' });
       db.exec('BEGIN IMMEDIATE');
       console.log('writing');
       process.stdin.resume();
       process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); });`,
      dataDir,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  cleanups.push(async () => {
    child.stdin.end();
    await exited;
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  if (line !== 'writing') throw new Error(`the app said ${line}`);
}

it('export --search never writes beside a running app: it reads while the app holds the write locks', async () => {
  const dataDir = await filedNotIndexed();
  await appWriting(dataDir);
  const out = cliIo();
  expect(await main(['export', '--data-dir', dataDir, '--search', 'needle'], out.io)).toBe(0);
  expect(out.out()).toBe('');
  expect(out.err()).toContain('1 capture(s) are not indexed yet by the running app');
}, 30_000);
