// npm run bench:ingest [-- --duration 10 --rounds 3 --connections 50 --only hookscope,bare,floor,batch-floor,socket-floor,socket-hookscope,mockttp]
//   |   -- --soak 600 --rate 5000
// Hookscope's receiver+store (ack after COMMIT) vs a bare node:http server vs mockttp recording every request: same
// load (autocannon, 1 KB JSON POSTs), alternating, each server in its own child process.
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { engineLaunchEnv, engineNodeFlags } from '../../electron/engine/util/engine-launch-tuning';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fmt, handOffMarkdown, mb, parseFlags, table, verdict } from './bench-util';

const kindsByDefault = ['hookscope', 'bare', 'floor', 'mockttp'] as const;
/** batch-floor and the socket servers run only when `--only` names them (see ingest-server.ts). */
const allKinds = [...kindsByDefault, 'batch-floor', 'socket-floor', 'socket-hookscope'] as const;
type Kind = (typeof allKinds)[number];
interface Stats {
  rows: number;
  rss: number;
  peakRss: number;
  heapTotal: number;
  external: number;
  dbSizeBytes?: number;
  indexLagRows?: number;
  indexLagMs?: number;
  /** How long Hookscope took, after the load stopped, to file and index everything it had acknowledged. */
  settledMs?: number;
}
interface RoundResult {
  kind: Kind;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  ok2xx: number;
  rowsStored: number;
  peakRss: number;
  heapTotal: number;
  settledMs: number | null;
}

const flags = parseFlags(process.argv.slice(2), {
  duration: 'number',
  rounds: 'number',
  connections: 'number',
  soak: 'number',
  rate: 'number',
  only: 'string',
});
const duration = (flags.duration as number | undefined) ?? 10;
const rounds = (flags.rounds as number | undefined) ?? 3;
const connections = (flags.connections as number | undefined) ?? 50;

/** A realistic 1 KB webhook (Ortto activity shape), padded to exactly 1024 bytes. */
export function kilobyteJson(): string {
  const base = {
    activity: {
      id: '00651b946bfef7e80478efee',
      field_id: 'act::s-all',
      created: '2023-10-03T04:11:23Z',
      attr: { 'str::is': 'API', 'str::s-ctx': 'Subscribed via API' },
    },
    contact: {
      contact_id: '00651b946baa9be6b2edad00',
      email: 'alex@example.com',
      'str::first': 'Alex',
      'str::last': 'Example',
      'phn::phone': { c: '61', n: '400000000' },
    },
    id: '00651b946cef87c7af64f4f3',
    time: '2023-10-03T04:11:24.25726779Z',
    webhook_id: '651b8aec8002153e16319fd3',
    pad: '',
  };
  const size = Buffer.byteLength(JSON.stringify(base));
  base.pad = 'x'.repeat(Math.max(0, 1024 - size));
  return JSON.stringify(base);
}

interface Server {
  kind: Kind;
  url: string;
  child: ChildProcess;
  /** With `settle`, Hookscope first waits until every acknowledged capture is filed and indexed. */
  stats(settle?: boolean): Promise<Stats>;
  close(): Promise<void>;
}

const root = join(import.meta.dirname, '../..');
const serverBundle = join(root, '.tmp/bench/ingest-server.mjs');
// Servers run from an esbuild bundle on plain Node, as the app ships (dist/engine), so RSS carries no tsx loader.
await build({
  entryPoints: [join(import.meta.dirname, 'ingest-server.ts')],
  outfile: serverBundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

const runsTheEngine = (kind: Kind) => kind === 'hookscope' || kind === 'socket-hookscope';

async function startServer(kind: Kind): Promise<Server> {
  const child = fork(serverBundle, [kind], {
    // Hookscope runs as `hookscope serve` and `npm start` run it: with the V8 flags and malloc arena limit they set
    // (unless the environment sets its own). The other servers run with Node's defaults.
    execArgv: runsTheEngine(kind) ? [...engineNodeFlags] : [],
    env: {
      ...(runsTheEngine(kind) && process.platform === 'linux' ? engineLaunchEnv : {}),
      ...process.env,
      HOOKSCOPE_MIGRATIONS_DIR: join(root, 'electron/engine/store/migrations'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waitFor = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`${kind} server exited (${code}) while waiting for ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { url } = await waitFor<{ url: string }>('ready');
  return {
    kind,
    url,
    child,
    stats: (settle = false) => {
      const p = waitFor<Stats>('stats');
      child.send({ type: 'stats', settle });
      return p;
    },
    close: async () => {
      const p = waitFor('closed').catch(() => undefined);
      child.send({ type: 'close' });
      await Promise.race([p, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

const body = kilobyteJson();
const load = (url: string, seconds: number, extra: Partial<autocannon.Options> = {}) =>
  autocannon({
    url: `${url}/h/bench/ingest`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Ortto-Webhook/1.0' },
    body,
    connections,
    duration: seconds,
    ...extra,
  });

async function measure(kind: Kind): Promise<RoundResult> {
  const server = await startServer(kind);
  try {
    await load(server.url, 1); // warm-up: JIT, page cache, SQLite statements
    const before = await server.stats(true);
    const result = await load(server.url, duration);
    const after = await server.stats(true);
    return {
      kind,
      reqPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      ok2xx: result['2xx'],
      rowsStored: after.rows - before.rows,
      peakRss: after.peakRss,
      heapTotal: after.heapTotal,
      settledMs: after.settledMs ?? null,
    };
  } finally {
    await server.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function compare(): Promise<void> {
  const kinds: Kind[] = flags.only ? (String(flags.only).split(',') as Kind[]) : [...kindsByDefault];
  const unknown = kinds.filter((k) => !allKinds.includes(k));
  if (unknown.length)
    throw new Error(`--only: unknown server ${unknown.join(', ')} (known: ${allKinds.join(', ')})`);
  const results: RoundResult[] = [];
  console.log(
    `ingest: ${rounds} round(s) × ${kinds.join(', ')}; ${duration} s each, ${connections} connections, ${Buffer.byteLength(body)}-byte JSON POST`,
  );
  for (let round = 1; round <= rounds; round++) {
    // Rotate the order each round so no server always runs on a warmer (or more tired) machine.
    const order = kinds.map((_, i) => kinds[(i + round - 1) % kinds.length]!);
    for (const kind of order) {
      const r = await measure(kind);
      results.push(r);
      console.log(
        `  round ${round} ${kind.padEnd(9)} ${fmt(r.reqPerSec).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ` +
          `errors ${r.errors}  non-2xx ${r.non2xx}  2xx ${r.ok2xx}  rows ${r.rowsStored}  peak RSS ${mb(r.peakRss)} (JS heap ${mb(r.heapTotal)})` +
          (r.settledMs === null ? '' : `  all filed and indexed ${fmt(r.settledMs)} ms after the load`),
      );
    }
  }
  const rows = kinds.map((kind) => {
    const rs = results.filter((r) => r.kind === kind);
    return {
      kind,
      reqPerSec: median(rs.map((r) => r.reqPerSec)),
      p50: median(rs.map((r) => r.p50)),
      p99: Math.max(...rs.map((r) => r.p99)),
      errors: rs.reduce((a, r) => a + r.errors + r.non2xx, 0),
      ok2xx: rs.reduce((a, r) => a + r.ok2xx, 0),
      rowsStored: rs.reduce((a, r) => a + r.rowsStored, 0),
      peakRss: Math.max(...rs.map((r) => r.peakRss)),
      perRound: rs.map((r) => fmt(r.reqPerSec)).join(' / '),
      settledMs: rs.some((r) => r.settledMs !== null) ? Math.max(...rs.map((r) => r.settledMs ?? 0)) : null,
    };
  });
  const get = (k: Kind) => rows.find((r) => r.kind === k);
  const hs = get('hookscope');
  const bare = get('bare');
  const mock = get('mockttp');
  const floor = get('floor');
  const batchFloor = get('batch-floor');
  const socketFloor = get('socket-floor');
  const socketHookscope = get('socket-hookscope');
  const lines: string[] = [];
  lines.push(
    `${rounds} alternating rounds of ${duration} s per server, autocannon with ${connections} connections, ` +
      `${Buffer.byteLength(body)}-byte JSON POST, keep-alive; each server in its own process. ` +
      'Hookscope = the real engine (createEngine: receiver + SQLite store with WAL, synchronous=NORMAL, group commit, 200 only ' +
      "after COMMIT, FTS indexed asynchronously, and every module's receiver hooks), run from an esbuild bundle on plain Node. " +
      'Hookscope acknowledges once the request is committed to its inbox and files it (filter columns, counters, vendor ' +
      'labels, the live list) and indexes it afterwards, taking about a twentieth of the loop each while the receiver is ' +
      'saturated; "caught up" = how long after the load every capture was filed and searchable. ' +
      'floor = the least any receiver that answers after COMMIT can do (one unparsed row per request, no secondary index, ' +
      'same group commit, the WAL checkpointed by the same worker as Hookscope): what durability alone costs here. ' +
      (batchFloor
        ? 'batch-floor = the floor writing one row per group commit (every request in it, length-prefixed) instead of ' +
          'one row per request. '
        : '') +
      (socketFloor
        ? 'socket-floor = the same store behind a minimal HTTP/1.1 reader on a raw TCP socket instead of node:http ' +
          '(benchmark requests only; no limits, timeouts or validation). '
        : '') +
      (socketHookscope
        ? "socket-hookscope = Hookscope's real engine and store fed by a minimal HTTP/1.1 reader on a raw TCP socket " +
          "instead of its receiver (the request parsed into the receiver's capture, the default rule's answer sent after " +
          'COMMIT): what a hand-written HTTP stack alone would give. '
        : '') +
      '"rows" = rows stored (Hookscope, floors), requests answered (bare), requests recorded (mockttp).',
    '',
    table(
      [
        'server',
        'req/s (median)',
        'per round',
        'p50 ms',
        'p99 ms (worst)',
        'errors+non-2xx',
        '2xx',
        'rows',
        'peak RSS',
        'caught up (worst)',
      ],
      rows.map((r) => [
        r.kind,
        fmt(r.reqPerSec),
        r.perRound,
        r.p50,
        r.p99,
        r.errors,
        r.ok2xx,
        r.rowsStored,
        mb(r.peakRss),
        r.settledMs === null ? '—' : `${fmt(r.settledMs)} ms`,
      ]),
    ),
    '',
  );
  if (floor && bare)
    lines.push(
      `Durability's own cost: floor ÷ bare = ${(floor.reqPerSec / bare.reqPerSec).toFixed(2)}` +
        (hs ? `; Hookscope ÷ floor = ${(hs.reqPerSec / floor.reqPerSec).toFixed(2)}.` : '.'),
      '',
    );
  if (batchFloor && bare)
    lines.push(
      `One row per group commit: batch-floor ÷ bare = ${(batchFloor.reqPerSec / bare.reqPerSec).toFixed(2)}.`,
      '',
    );
  if (socketFloor && bare)
    lines.push(
      `Durability without node:http: socket-floor ÷ bare = ${(socketFloor.reqPerSec / bare.reqPerSec).toFixed(2)}.`,
      '',
    );
  if (socketHookscope && bare)
    lines.push(
      `Hookscope's store without node:http: socket-hookscope ÷ bare = ${(socketHookscope.reqPerSec / bare.reqPerSec).toFixed(2)}` +
        (mock ? `, ÷ mockttp = ${(socketHookscope.reqPerSec / mock.reqPerSec).toFixed(2)}.` : '.'),
      '',
    );
  if (hs) {
    const targets: Array<[string, string, boolean]> = [];
    if (bare)
      targets.push([
        'Hookscope ÷ bare node:http ≥ 0.8',
        (hs.reqPerSec / bare.reqPerSec).toFixed(2),
        hs.reqPerSec / bare.reqPerSec >= 0.8,
      ]);
    if (mock)
      targets.push([
        'Hookscope ÷ mockttp ≥ 4',
        (hs.reqPerSec / mock.reqPerSec).toFixed(2),
        hs.reqPerSec / mock.reqPerSec >= 4,
      ]);
    targets.push(['Hookscope p99 ≤ 25 ms', `${hs.p99} ms`, hs.p99 <= 25]);
    targets.push(['Hookscope peak RSS ≤ 150 MB', mb(hs.peakRss), hs.peakRss <= 150 * 1024 * 1024]);
    // Rows may exceed 2xx by requests in flight when the warm-up or the load stopped (committed, answer not
    // counted): at most one per connection each time. Never fewer.
    targets.push([
      'stored ≥ acknowledged (every 2xx is a committed row)',
      `${hs.rowsStored} stored / ${hs.ok2xx} acknowledged`,
      hs.rowsStored >= hs.ok2xx && hs.rowsStored - hs.ok2xx <= 2 * connections * rounds,
    ]);
    lines.push(
      table(
        ['target', 'measured', 'verdict'],
        targets.map(([t, m, ok]) => [t, m, verdict(ok)]),
      ),
    );
  }
  const md = lines.join('\n');
  console.log('\n' + md);
  handOffMarkdown(md);
}

async function soak(seconds: number, rate: number): Promise<void> {
  console.log(`soak: Hookscope at ${rate} req/s for ${seconds} s, ${connections} connections`);
  const server = await startServer('hookscope');
  const samples: Array<{
    t: number;
    rss: number;
    heap: number;
    rows: number;
    lagRows: number;
    lagMs: number;
    db: number;
  }> = [];
  const started = Date.now();
  const every = Math.max(5, Math.round(seconds / 20)) * 1000;
  const sample = async () => {
    const s = await server.stats();
    const row = {
      t: Math.round((Date.now() - started) / 1000),
      rss: s.rss,
      heap: s.heapTotal,
      rows: s.rows,
      lagRows: s.indexLagRows ?? 0,
      lagMs: s.indexLagMs ?? 0,
      db: s.dbSizeBytes ?? 0,
    };
    samples.push(row);
    console.log(
      `  t=${String(row.t).padStart(4)} s  RSS ${mb(row.rss)} (JS heap ${mb(row.heap)})  rows ${fmt(row.rows)}  index lag ${row.lagRows} rows / ${row.lagMs} ms  db ${mb(row.db)}`,
    );
  };
  await sample();
  const timer = setInterval(() => void sample(), every);
  let result: autocannon.Result;
  try {
    result = await load(server.url, seconds, { overallRate: rate });
  } finally {
    clearInterval(timer);
  }
  await sample();
  const finalStats = await server.stats();
  await server.close();
  // Flat = the second half's RSS stays within 20 % of the first half's (after the first 10 % warm-up).
  const body = samples.filter((s) => s.t >= seconds * 0.1);
  const half = Math.floor(body.length / 2);
  const avg = (xs: typeof samples) => xs.reduce((a, s) => a + s.rss, 0) / Math.max(1, xs.length);
  const first = avg(body.slice(0, half));
  const second = avg(body.slice(half));
  const growth = first > 0 ? second / first - 1 : 0;
  const md = [
    `Soak: Hookscope alone at ${rate} req/s target for ${seconds} s (${connections} connections, ${Buffer.byteLength(kilobyteJson())}-byte JSON).`,
    '',
    table(
      ['t (s)', 'RSS', 'JS heap', 'rows stored', 'index lag (rows / ms)', 'DB + WAL'],
      samples.map((s) => [s.t, mb(s.rss), mb(s.heap), fmt(s.rows), `${s.lagRows} / ${s.lagMs}`, mb(s.db)]),
    ),
    '',
    table(
      ['target', 'measured', 'verdict'],
      [
        [
          'achieved rate',
          `${fmt(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ${result.errors + result.timeouts + result.non2xx} errors/non-2xx`,
          verdict(result.requests.average >= rate * 0.95),
        ],
        [
          'RSS ≤ 150 MB throughout',
          `peak ${mb(finalStats.peakRss)} (the kernel's high-water mark; samples up to ${mb(Math.max(...samples.map((s) => s.rss)))})`,
          verdict(finalStats.peakRss <= 150 * 1024 * 1024),
        ],
        [
          'RSS flat (2nd half vs 1st half)',
          `${(growth * 100).toFixed(1)} %`,
          verdict(Math.abs(growth) <= 0.2),
        ],
        [
          'stored ≥ acknowledged',
          `${fmt(finalStats.rows)} stored / ${fmt(result['2xx'])} acknowledged (+ warm-up 0)`,
          verdict(finalStats.rows >= result['2xx']),
        ],
      ],
    ),
  ].join('\n');
  console.log('\n' + md);
  handOffMarkdown(md);
}

if (flags.soak) await soak(flags.soak as number, (flags.rate as number | undefined) ?? 5000);
else await compare();
