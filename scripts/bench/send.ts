// npm run bench:send — deliveries per second through the persisted queue (concurrency 50) against a bare local
// server, compared with raw undici requests at the same concurrency in the same run; and rate-limit accuracy of a
// bulk send (default 2,000 rows at 200/s; --full runs the 10,000 rows at 100/s, about 100 s).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { DeliveryService } from '../../electron/engine/delivery/service';
import { openDatabase } from '../../electron/engine/store/database';
import { systemClock } from '../../electron/engine/util/clock';
import { silentLogger } from '../../electron/engine/util/logger';
import { tempDir } from '../../tests/helpers/temp-dir';
import { fmt, handOffMarkdown, parseFlags, table } from './bench-util';

const flags = parseFlags(process.argv.slice(2), {
  deliveries: 'number',
  rows: 'number',
  rate: 'number',
  full: 'boolean',
});
const DELIVERIES = Number(flags.deliveries ?? 5000);
const ROWS = Number(flags.rows ?? (flags.full ? 10_000 : 2000));
const RATE = Number(flags.rate ?? (flags.full ? 100 : 200));
const CONCURRENCY = 50;

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.end('ok'));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`;
const body = Buffer.from(JSON.stringify({ event: 'bench', data: { id: 1, email: 'mary@example.com' } }));

async function baseline(count: number): Promise<number> {
  const agent = new Agent({ connections: 256 });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < count) {
        const res = await request(url, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
          dispatcher: agent,
        });
        await res.body.dump();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return count / seconds;
}

function service() {
  const dir = tempDir('hookscope-bench-send-');
  const db = openDatabase({ dataDir: dir.path });
  const svc = new DeliveryService({ db, clock: systemClock, log: silentLogger, emit: () => {} });
  svc.start();
  return {
    svc,
    db,
    async close() {
      await svc.close();
      db.close();
      dir.cleanup();
    },
  };
}

async function untilNoneOpen(db: ReturnType<typeof openDatabase>, where = '1') {
  for (;;) {
    const open = db
      .prepare(
        `SELECT COUNT(*) AS n FROM deliveries WHERE state IN ('pending','in_flight','held') AND ${where}`,
      )
      .get() as { n: number };
    if (open.n === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function queueThroughput(count: number): Promise<{ perSecond: number; ok: number }> {
  const s = service();
  const started = performance.now();
  s.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      s.svc.send({
        request: {
          method: 'POST',
          url,
          headers: [['Content-Type', 'application/json']],
          bodyBase64: body.toString('base64'),
        },
        type: 'manual',
        policy: 'none',
        concurrency: CONCURRENCY,
      });
    }
  })();
  await untilNoneOpen(s.db);
  const seconds = (performance.now() - started) / 1000;
  const ok = (
    s.db.prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE state = 'succeeded'`).get() as { n: number }
  ).n;
  await s.close();
  return { perSecond: count / seconds, ok };
}

async function rateAccuracy(rows: number, perSecond: number) {
  const s = service();
  const csv = ['id', ...Array.from({ length: rows }, (_, i) => String(i))].join('\n');
  const job = await s.svc.startBulk({
    template: { method: 'POST', url: `${url}/[id]`, headers: [], body: '{"id":[id]}' },
    rows: { content: csv, format: 'csv' },
    batchSize: 100,
    // Enough concurrency that the rate, not round-trip latency on a loaded machine, is what binds.
    concurrency: CONCURRENCY,
    fieldsNotColumns: 'refuse',
    policy: 'none',
    ratePerMinute: perSecond * 60,
  });
  await untilNoneOpen(s.db, `bulk_job_id = ${job.jobId}`);
  while (s.svc.bulk.progress(job.jobId).state !== 'done') await new Promise((r) => setTimeout(r, 20));
  const t = s.db
    .prepare('SELECT MIN(started_at_ms) AS a, MAX(started_at_ms) AS b, COUNT(*) AS n FROM delivery_attempts')
    .get() as { a: number; b: number; n: number };
  const measured = ((t.n - 1) * 1000) / (t.b - t.a);
  await s.close();
  return { measured, sent: t.n, seconds: (t.b - t.a) / 1000 };
}

console.log(
  `bench:send — ${DELIVERIES} deliveries at concurrency ${CONCURRENCY}; bulk ${ROWS} rows at ${RATE}/s`,
);
await baseline(500); // warm-up
const raw = await baseline(DELIVERIES);
const queued = await queueThroughput(DELIVERIES);
console.log(
  `raw undici: ${fmt(raw)}/s; persisted queue: ${fmt(queued.perSecond)}/s (${queued.ok} delivered)`,
);
const rate = await rateAccuracy(ROWS, RATE);
const error = ((rate.measured - RATE) / RATE) * 100;
console.log(
  `bulk: ${rate.sent} rows in ${fmt(rate.seconds, 1)} s → ${fmt(rate.measured, 1)}/s (set ${RATE}/s, ${error >= 0 ? '+' : ''}${fmt(error, 1)}%)`,
);

const markdown = [
  table(
    ['concurrency 50, bare local server', 'deliveries/s', '× raw undici'],
    [
      ['raw undici `request` loop (baseline)', fmt(raw), '1.00'],
      [
        'delivery queue (SQLite claim + attempt log per delivery)',
        fmt(queued.perSecond),
        fmt(queued.perSecond / raw, 2),
      ],
    ],
  ),
  '',
  table(
    ['bulk rate limit', 'rows', 'set rate', 'measured', 'error', 'target'],
    [
      [
        'bulk send, batches of 100, concurrency 50',
        rate.sent,
        `${RATE}/s`,
        `${fmt(rate.measured, 1)}/s`,
        `${fmt(error, 1)}%`,
        Math.abs(error) <= 10 ? 'met (±10%)' : '**missed**',
      ],
    ],
  ),
].join('\n');
console.log(`\n${markdown}`);
handOffMarkdown(markdown);
await new Promise<void>((resolve) => server.close(() => resolve()));
process.exit(0);
