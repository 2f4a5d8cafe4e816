// npm run bench:storage [-- --rows 1000000]
// 1M generated ~1 KB captures through the real store (group-commit batches), then the queries the UI makes, then the
// full-text index lag while captures arrive at 5k/s.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { searchTextFor } from '../../electron/shared/decode/index';
import type { EngineContext } from '../../electron/engine/context';
import { Relabeller } from '../../electron/engine/decode/relabel';
import { EventBus } from '../../electron/engine/events/event-bus';
import { HeaderNameBackfill } from '../../electron/engine/store/header-name-backfill';
import { openStores } from '../../electron/engine/store/open-stores';
import { systemClock } from '../../electron/engine/util/clock';
import { fmt, handOffMarkdown, mb, parseFlags, removeOnExit, table, verdict } from './bench-util';
import { generateCapture, rng } from './storage-data';

const flags = parseFlags(process.argv.slice(2), {
  rows: 'number',
  'lag-seconds': 'number',
  'keep-dir': 'boolean',
});
const total = Math.floor((flags.rows as number | undefined) ?? 1_000_000);
const lagSeconds = (flags['lag-seconds'] as number | undefined) ?? 10;
const batchRows = 100;

const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-storage-bench-'));
if (!flags['keep-dir']) removeOnExit(dataDir);
const stores = openStores({ dataDir, clock: systemClock });
const { captures, endpoints, db } = stores;
// The engine's decode module feeds the index decoded labels; do the same so index costs are the real ones.
captures.addSearchTextExtractor((c) =>
  searchTextFor({
    method: c.method,
    path: c.path,
    query: c.query,
    headers: c.headers,
    contentType: c.contentType,
    body: c.body,
  }),
);
for (const slug of ['ortto', 'ontraport', 'generic']) endpoints.create({ slug, name: slug });
const endpointFor = (path: string) => endpoints.match(path).id;
const ontraportId = endpoints.match('/h/ontraport/x').id;

const r = rng(42);
const now = Date.now();
console.log(`storage: inserting ${fmt(total)} captures in batches of ${batchRows} into ${dataDir}`);

// 1. Insert through the writer; the indexer runs in its slices alongside, as in the engine.
const t0 = performance.now();
let bodyBytes = 0;
for (let i = 0; i < total;) {
  const batch: Promise<number>[] = [];
  for (let j = 0; j < batchRows && i < total; j++, i++) {
    const { capture } = generateCapture(i, r, endpointFor, now);
    bodyBytes += capture.body.byteLength;
    batch.push(captures.add(capture));
  }
  await Promise.all(batch);
  if (i % 100_000 === 0)
    console.log(
      `  ${fmt(i)} rows, ${fmt(i / ((performance.now() - t0) / 1000))} rows/s, indexed up to ${fmt(captures.indexer.indexedUpTo())}`,
    );
}
const insertSeconds = (performance.now() - t0) / 1000;
const insertRate = total / insertSeconds;

// 2. Finish the index (whatever the slices did not reach during the insert), timed.
const indexedDuringInsert = captures.indexer.indexedUpTo();
const t1 = performance.now();
captures.indexer.drain();
const drainSeconds = (performance.now() - t1) / 1000;
const drainRate = (total - indexedDuringInsert) / Math.max(drainSeconds, 1e-9);
db.pragma('wal_checkpoint(TRUNCATE)');
const size = captures.stats().dbSizeBytes;
console.log(
  `  inserted in ${insertSeconds.toFixed(1)} s; index finished ${fmt(total - indexedDuringInsert)} rows in ${drainSeconds.toFixed(1)} s; DB ${mb(size)}`,
);

// 3. Queries, through the store's own methods (what the API handlers call).
function time(
  name: string,
  fn: () => unknown,
  runs = 50,
): { name: string; median: number; p95: number; result: unknown } {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    result = fn();
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  return { name, median: samples[Math.floor(runs / 2)]!, p95: samples[Math.floor(runs * 0.95)]!, result };
}
const size50 = (x: unknown) => (x as { items: unknown[] }).items.length;
const deepCursor = Math.floor(total / 2);
const queries = [
  { q: time('newest page (50)', () => captures.list({ limit: 50 })), target: 1, show: size50 },
  {
    q: time(`page deep in history (keyset, id < ${fmt(deepCursor)})`, () =>
      captures.list({ limit: 50, cursor: deepCursor }),
    ),
    target: 1,
    show: size50,
  },
  {
    q: time('filter by endpoint, first page', () =>
      captures.list({ limit: 50, filter: { endpointId: ontraportId } }),
    ),
    target: 1,
    show: size50,
  },
  {
    q: time('filter by endpoint + method + content type, first page', () =>
      captures.list({
        limit: 50,
        filter: { endpointId: ontraportId, methods: ['POST'], contentTypes: ['application/*'] },
      }),
    ),
    target: 1,
    show: size50,
  },
  {
    q: time('full-text rare token, first page', () =>
      captures.list({ limit: 50, filter: { text: 'quokkarare' } }),
    ),
    target: 5,
    show: size50,
  },
  {
    q: time('full-text common token, first page', () =>
      captures.list({ limit: 50, filter: { text: 'example' } }),
    ),
    target: 5,
    show: size50,
  },
  {
    q: time('full-text two words, first page', () =>
      captures.list({ limit: 50, filter: { text: 'sydney trial' } }),
    ),
    target: 5,
    show: size50,
  },
  {
    q: time('filter by a header name every capture has (User-Agent), first page', () =>
      captures.list({ limit: 50, filter: { header: { name: 'user-agent' } } }),
    ),
    target: 1,
    show: size50,
  },
  {
    q: time('filter by a header name no capture has, first page', () =>
      captures.list({ limit: 50, filter: { header: { name: 'x-nowhere' } } }),
    ),
    target: 1,
    show: size50,
  },
  {
    q: time('filter by header name and value (Content-Type: application/json), first page', () =>
      captures.list({ limit: 50, filter: { header: { name: 'content-type', value: 'application/json' } } }),
    ),
    target: 1,
    show: size50,
  },
  {
    q: time('exact count (kept counter)', () => captures.count()),
    target: 1,
    show: (x: unknown) => x as number,
  },
  {
    q: time('exact count, by endpoint', () => captures.count({ endpointId: ontraportId }), 5),
    target: null,
    show: (x: unknown) => x as number,
  },
  {
    q: time(
      'exact count, a header name every capture has (User-Agent)',
      () => captures.count({ header: { name: 'user-agent' } }),
      5,
    ),
    target: null,
    show: (x: unknown) => x as number,
  },
  {
    q: time(
      'exact count, header name and value (Content-Type: application/json)',
      () => captures.count({ header: { name: 'content-type', value: 'application/json' } }),
      5,
    ),
    target: null,
    show: (x: unknown) => x as number,
  },
  {
    q: time('exact count, full-text rare token', () => captures.count({ text: 'quokkarare' }), 20),
    target: null,
    show: (x: unknown) => x as number,
  },
  {
    q: time('charts refresh (captures.breakdown), no filter', () =>
      captures.breakdown(undefined, chartWindow()),
    ),
    target: null,
    show: chartsShown,
  },
  {
    q: time(
      'charts refresh (captures.breakdown), by endpoint',
      () => captures.breakdown({ endpointId: ontraportId }, chartWindow()),
      5,
    ),
    target: null,
    show: chartsShown,
  },
  {
    // What the charts did before captures.breakdown: 30 bucket counts and 4 status-class counts.
    q: time('charts refresh as 34 counts (before), no filter', () => chartsAsCounts(), 5),
    target: null,
    show: chartsShown,
  },
];
function chartWindow() {
  return { endMs: Math.ceil(Date.now() / 60_000) * 60_000, bucketMs: 60_000, buckets: 30 };
}
function chartsAsCounts() {
  const w = chartWindow();
  const rate = Array.from({ length: w.buckets }, (_, i) => {
    const from = w.endMs - (w.buckets - i) * w.bucketMs;
    return captures.count({ fromMs: from, toMs: from + w.bucketMs - 1 });
  });
  const range = (from: number) => Array.from({ length: 100 }, (_, i) => from + i);
  const [s2, s3, s4, s5] = [200, 300, 400, 500].map((from) => captures.count({ statuses: range(from) }));
  return { rate, statuses: { '2xx': s2!, '3xx': s3!, '4xx': s4!, '5xx': s5! } };
}
function chartsShown(x: unknown): string {
  const { rate, statuses } = x as ReturnType<typeof chartsAsCounts>;
  return `${rate.reduce((a, n) => a + n, 0)} in 30 min; 2xx ${statuses['2xx']}, 4xx ${statuses['4xx']}`;
}
for (const { q, show } of queries)
  console.log(
    `  ${q.name}: median ${q.median.toFixed(3)} ms, p95 ${q.p95.toFixed(3)} ms → ${show(q.result)}`,
  );

// 3b. How long the API's reads hold the event loop (and so every capture's acknowledgement): a count that has to look
// at every row, read on the store's own thread as before, and by the background reader as the API now does.
const everyCapture = { header: { name: 'user-agent' } };
const countOnThread = time(
  "exact count, a header name every capture has, on the receiver's thread",
  () => captures.count(everyCapture),
  5,
);
const backgroundLoop = monitorEventLoopDelay({ resolution: 5 });
const backgroundRuns = 5;
let countedInBackground = 0;
const t2 = performance.now();
backgroundLoop.enable();
for (let i = 0; i < backgroundRuns; i++)
  countedInBackground = (await captures.countWithNewestInBackground(everyCapture)).count;
backgroundLoop.disable();
const countInBackgroundMs = (performance.now() - t2) / backgroundRuns;
const backgroundLoopMaxMs = backgroundLoop.max / 1e6;
console.log(
  `  ${countOnThread.name}: median ${countOnThread.median.toFixed(1)} ms (the loop held throughout) → ${fmt(countOnThread.result as number)}; ` +
    `read in the background: ${countInBackgroundMs.toFixed(1)} ms each, event loop delay max ${backgroundLoopMaxMs.toFixed(1)} ms → ${fmt(countedInBackground)}`,
);

// 4. Index lag at 5k captures/s: 50 rows every 10 ms; lag = commit (add resolved) → the index watermark passes the row.
console.log(`  index lag: ${lagSeconds} s at 5,000 captures/s`);
const lags: number[] = [];
const probes = new Map<number, number>();
let lagIndex = total;
const poll = setInterval(() => {
  const upTo = captures.indexer.indexedUpTo();
  for (const [id, at] of probes) {
    if (id <= upTo) {
      lags.push(performance.now() - at);
      probes.delete(id);
    }
  }
}, 2);
const lagStart = performance.now();
let tick = 0;
while (performance.now() - lagStart < lagSeconds * 1000) {
  const due = lagStart + tick * 10;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((res) => setTimeout(res, wait));
  tick++;
  const batch: Promise<number>[] = [];
  for (let j = 0; j < 50; j++)
    batch.push(captures.add(generateCapture(lagIndex++, r, endpointFor, Date.now()).capture));
  void Promise.all(batch).then((ids) => probes.set(ids[ids.length - 1]!, performance.now()));
}
const achievedRate = (lagIndex - total) / ((performance.now() - lagStart) / 1000);
while (probes.size > 0 && performance.now() - lagStart < (lagSeconds + 30) * 1000)
  await new Promise((res) => setTimeout(res, 10));
clearInterval(poll);
lags.sort((a, b) => a - b);
const pct = (p: number) => lags[Math.min(lags.length - 1, Math.floor(lags.length * p))] ?? NaN;
const lagP50 = pct(0.5);
const lagP99 = pct(0.99);
const lagMax = lags[lags.length - 1] ?? NaN;
console.log(
  `  index lag p50 ${lagP50.toFixed(0)} ms, p99 ${lagP99.toFixed(0)} ms, max ${lagMax.toFixed(0)} ms at ${fmt(achievedRate)} captures/s`,
);

// 5. A relabel pass (after the custom labels change) over every stored capture, in the engine's slices: how long it takes
// and the longest stretch it holds the event loop (what a request arriving meanwhile may wait).
captures.indexer.drain();
const relabelled = { captures: 0 };
const bus = new EventBus();
bus.on('capture.updated', ({ items }) => (relabelled.captures += items.length));
const relabeller = new Relabeller(
  { captures, bus, db, clock: systemClock } as unknown as EngineContext,
  () => undefined,
);
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
const relabelRows = captures.count();
const t3 = performance.now();
loopDelay.enable();
relabeller.start();
while (relabeller.running) await new Promise((res) => setTimeout(res, 20));
loopDelay.disable();
const relabelSeconds = (performance.now() - t3) / 1000;
const relabelLoopMaxMs = loopDelay.max / 1e6;
const relabelLoopP99Ms = loopDelay.percentile(99) / 1e6;
console.log(
  `  relabel pass: ${fmt(relabelRows)} captures in ${relabelSeconds.toFixed(1)} s (${fmt(relabelRows / relabelSeconds)}/s), ` +
    `${fmt(relabelled.captures)} labels changed; event loop delay p99 ${relabelLoopP99Ms.toFixed(1)} ms, max ${relabelLoopMaxMs.toFixed(1)} ms`,
);

// 6. Migration 048's pass on a database upgraded with every capture already stored: its header names are filled in the
// background slices while the event loop stays free for the receiver.
db.exec(
  "DELETE FROM capture_header_names; INSERT INTO settings (key, value) SELECT 'headerNames.uncoveredBelowId', MAX(id) + 1 FROM captures",
);
const backfill = new HeaderNameBackfill(db);
const backfillLoop = monitorEventLoopDelay({ resolution: 5 });
const t4 = performance.now();
backfillLoop.enable();
backfill.start();
while (backfill.uncoveredBelow() !== null) await new Promise((res) => setTimeout(res, 20));
backfillLoop.disable();
const backfillSeconds = (performance.now() - t4) / 1000;
const backfillLoopMaxMs = backfillLoop.max / 1e6;
console.log(
  `  header names of stored captures (migration 048's pass): ${fmt(relabelRows)} captures in ${backfillSeconds.toFixed(1)} s; ` +
    `event loop delay p99 ${(backfillLoop.percentile(99) / 1e6).toFixed(1)} ms, max ${backfillLoopMaxMs.toFixed(1)} ms`,
);

const md = [
  `${fmt(total)} generated captures (45 % Ortto JSON, 35 % Ontraport form posts, 20 % generic JSON; ${fmt(bodyBytes / total)} bytes of body on average, ` +
    `headers and response stored too) written through the real store in group-commit batches of ${batchRows}, with the decode module's search-text extractor feeding the index. ` +
    'Queries go through the store methods the API calls (50 runs after 3 warm-ups).',
  '',
  table(
    ['measure', 'result', 'target', 'verdict'],
    [
      [
        'insert rate (index running alongside in slices)',
        `${fmt(insertRate)} rows/s (${insertSeconds.toFixed(1)} s)`,
        '—',
        '—',
      ],
      [
        'index build after the insert',
        `${fmt(total - indexedDuringInsert)} rows in ${drainSeconds.toFixed(1)} s (${fmt(drainRate)} rows/s)`,
        '—',
        '—',
      ],
      ['DB size (after checkpoint)', `${mb(size)} (${fmt(size / total)} bytes/row)`, '—', '—'],
      ...queries.map(({ q, target, show }) => [
        q.name,
        `${q.median.toFixed(3)} ms median, ${q.p95.toFixed(3)} ms p95 → ${show(q.result)}`,
        target === null ? '—' : `≤ ${target} ms`,
        target === null ? '—' : verdict(q.median <= target),
      ]),
      [
        `index lag at 5k captures/s (commit → searchable), ${lagSeconds} s`,
        `p50 ${lagP50.toFixed(0)} ms, p99 ${lagP99.toFixed(0)} ms, max ${lagMax.toFixed(0)} ms (${fmt(achievedRate)} captures/s achieved)`,
        '≤ 1000 ms',
        verdict(lagMax <= 1000),
      ],
      [
        countOnThread.name,
        `${countOnThread.median.toFixed(1)} ms median, the event loop held throughout → ${fmt(countOnThread.result as number)}`,
        '—',
        '—',
      ],
      [
        'the same count read in the background (as the API reads counts, pages and charts)',
        `${countInBackgroundMs.toFixed(1)} ms each; event loop delay meanwhile max ${backgroundLoopMaxMs.toFixed(1)} ms → ${fmt(countedInBackground)}`,
        '—',
        '—',
      ],
      [
        'relabel pass over every capture (after custom labels change), in the background',
        `${fmt(relabelRows)} in ${relabelSeconds.toFixed(1)} s (${fmt(relabelRows / relabelSeconds)}/s, ${fmt(relabelled.captures)} labels changed); ` +
          `event loop delay meanwhile p99 ${relabelLoopP99Ms.toFixed(1)} ms, max ${relabelLoopMaxMs.toFixed(1)} ms`,
        '—',
        '—',
      ],
      [
        "header names of stored captures after an upgrade (migration 048's pass), in the background",
        `${fmt(relabelRows)} captures in ${backfillSeconds.toFixed(1)} s (${fmt(relabelRows / backfillSeconds)}/s); ` +
          `event loop delay meanwhile p99 ${(backfillLoop.percentile(99) / 1e6).toFixed(1)} ms, max ${backfillLoopMaxMs.toFixed(1)} ms`,
        '—',
        '—',
      ],
    ],
  ),
].join('\n');
console.log('\n' + md);
handOffMarkdown(md);
captures.close();
db.close();
