// npm run bench:reads [-- --rows 100000 --rate 1000 --duration 8]
// What the capture list's reads cost the receiver: captures arrive at a steady rate (autocannon, 10 connections) while
// a client asks, every 50 ms, for a count that has to look at every row (a header name every capture has), read
// either on the receiver's thread (the store's synchronous count, as the API did before) or as the API now reads it
// (the background reader). Same engine, same run; a phase with no reads is the baseline.
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../electron/engine/engine';
import { openStores } from '../../electron/engine/store/open-stores';
import { systemClock } from '../../electron/engine/util/clock';
import { silentLogger } from '../../electron/engine/util/logger';
import { fmt, handOffMarkdown, parseFlags, removeOnExit, table } from './bench-util';
import { generateCapture, rng } from './storage-data';

const flags = parseFlags(process.argv.slice(2), { rows: 'number', rate: 'number', duration: 'number' });
const rows = Math.floor((flags.rows as number | undefined) ?? 100_000);
const rate = Math.floor((flags.rate as number | undefined) ?? 1_000);
const duration = (flags.duration as number | undefined) ?? 8;

const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-reads-bench-'));
removeOnExit(dataDir);
console.log(`reads: ${fmt(rows)} stored captures, then ${fmt(rate)} req/s for ${duration} s per phase`);
{
  const stores = openStores({ dataDir, clock: systemClock });
  const endpointFor = (path: string) => stores.endpoints.match(path).id;
  const r = rng(7);
  const now = Date.now();
  for (let i = 0; i < rows; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(rows, i + 100); j++)
      batch.push(stores.captures.add(generateCapture(j, r, endpointFor, now).capture));
    await Promise.all(batch);
  }
  stores.captures.close();
  stores.db.close();
}

const engine = await createEngine({ mode: 'test', log: silentLogger, dataDir });
const meta = { transport: 'in-process' } as const;
const everyCapture = { header: { name: 'user-agent' } };

async function phase(label: string, read: (() => unknown) | null) {
  let stop = false;
  let reads = 0;
  let readMs = 0;
  const reader = (async () => {
    while (!stop && read) {
      const started = performance.now();
      await read();
      readMs += performance.now() - started;
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const result = await autocannon({
    url: `${engine.receiverUrl}/h/reads`,
    method: 'POST',
    connections: 10,
    overallRate: rate,
    duration,
    body: '{"event":"reads bench"}',
    headers: { 'content-type': 'application/json' },
  });
  stop = true;
  await reader;
  const row = {
    label,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    reads,
    readMs: reads ? readMs / reads : null,
  };
  console.log(
    `  ${label}: ${fmt(row.reqPerSec)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, max ${row.max} ms; ` +
      `${reads} reads${row.readMs === null ? '' : `, ${fmt(row.readMs)} ms each`}`,
  );
  return row;
}

await phase('warm-up', null);
const results = [
  await phase('no reads', null),
  await phase("count on the receiver's thread", () => engine.ctx.captures.countWithNewest(everyCapture)),
  await phase('count as the API reads it (background)', () =>
    engine.handlers['captures.count']({ filter: everyCapture }, meta),
  ),
];
await engine.close();
const md = [
  `${fmt(rows)} generated captures stored (the storage bench's mix), then ${fmt(rate)} requests/s offered to the receiver ` +
    `(autocannon, 10 connections, ${duration} s per phase) while a client asks every 50 ms for a count that has to look ` +
    'at every row (a header name every capture has).',
  '',
  table(
    ['phase', 'req/s served (of ' + fmt(rate) + ')', 'p50 ms', 'p99 ms', 'max ms', 'reads', 'ms per read'],
    results.map((r) => [
      r.label,
      fmt(r.reqPerSec),
      r.p50,
      r.p99,
      r.max,
      r.reads,
      r.readMs === null ? '—' : fmt(r.readMs),
    ]),
  ),
].join('\n');
console.log('\n' + md);
handOffMarkdown(md);
