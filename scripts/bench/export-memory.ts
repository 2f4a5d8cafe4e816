// npm run bench:export [-- --captures 3 --mb 40]
// What a big export costs the serve process: captures of --mb MB each are stored, then `hookscope serve` is started
// afresh on them and exports them all as HAR, either as the old one-string RPC answer (`captures.export`) or through
// the streamed download (`POST /api/export`). Reports the process's resident memory before and its peak during the
// export (VmHWM, Linux only). Run `node scripts/build.mjs` first: it runs the built bin/hookscope.mjs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fmt, parseFlags, removeOnExit, table } from './bench-util';

const flags = parseFlags(process.argv.slice(2), { captures: 'number', mb: 'number' });
const captures = Math.floor((flags.captures as number | undefined) ?? 3);
const mb = (flags.mb as number | undefined) ?? 40;
const repo = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-export-bench-'));
removeOnExit(dataDir);

type Ready = { receiverUrl: string; uiUrl: string; token: string };

async function serve(): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    [
      join(repo, 'bin/hookscope.mjs'),
      'serve',
      '--data-dir',
      dataDir,
      '--receiver-port',
      '0',
      '--ui-port',
      '0',
      '--json-ready',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('{')) return { child, ready: JSON.parse(line) as Ready };
  }
  throw new Error('serve exited before it was ready');
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const status = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

const api = (ready: Ready, path: string, body: unknown) =>
  fetch(new URL(path, ready.uiUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

{
  const { child, ready } = await serve();
  await api(ready, '/api/rpc', {
    method: 'settings.update',
    input: { bodyLimitBytes: (mb + 1) * 1024 * 1024 },
  });
  for (let i = 0; i < captures; i++) {
    const body = JSON.stringify({ n: i, blob: String.fromCharCode(97 + i).repeat(mb * 1024 * 1024) });
    const res = await fetch(`${ready.receiverUrl}/h/export-bench`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
  }
  await stop(child);
}

const rows: Array<Array<string | number>> = [];
for (const how of ['rpc', 'download'] as const) {
  const { child, ready } = await serve();
  const list = (await (
    await api(ready, '/api/rpc', { method: 'captures.list', input: { limit: 100 } })
  ).json()) as {
    value: { items: Array<{ id: number }> };
  };
  const ids = list.value.items.map((c) => c.id);
  if (ids.length !== captures) throw new Error(`expected ${captures} captures, found ${ids.length}`);
  const before = status(child.pid!, 'VmRSS');
  const res =
    how === 'rpc'
      ? await api(ready, '/api/rpc', { method: 'captures.export', input: { format: 'har', ids } })
      : await api(ready, '/api/export', { format: 'har', ids });
  let bytes = 0;
  const reader = res.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.byteLength;
  rows.push([
    how === 'rpc' ? 'captures.export (RPC)' : 'POST /api/export',
    fmt(bytes / 1024 / 1024),
    fmt(before),
    fmt(status(child.pid!, 'VmHWM')),
  ]);
  await stop(child);
}
console.log(`HAR export of ${captures} captures of ${mb} MB each, serve process memory (MB):\n`);
console.log(table(['how', 'answer MB', 'RSS before', 'peak RSS'], rows));
