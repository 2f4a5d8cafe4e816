import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine } from '../../../electron/engine/engine';
import { openStores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { useCleanup } from '../../helpers/cleanup';
import { startChild } from '../../helpers/crash-run';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';
import { cliIo } from '../../helpers/cli-io';
import { holdAppWriteLocks } from '../../helpers/write-lock-holder';

const cleanups = useCleanup();

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

it('export --search never writes beside a running app: it reads while the app holds the write locks', async () => {
  const dataDir = await filedNotIndexed();
  cleanups.push((await holdAppWriteLocks(dataDir)).release);
  const out = cliIo();
  expect(await main(['export', '--data-dir', dataDir, '--search', 'needle'], out.io)).toBe(0);
  expect(out.out()).toBe('');
  expect(out.err()).toContain('1 capture(s) are not indexed yet by the running app');
}, 30_000);
