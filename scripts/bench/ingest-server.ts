// One server under test, in its own process (own event loop, own RSS). Started by ingest.ts over IPC:
// prints nothing; sends { ready, url } and answers { stats } requests with rows stored and RSS (current and peak).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Kind = 'hookscope' | 'bare' | 'floor' | 'mockttp';
const kind = process.argv[2] as Kind;

// Peak RSS comes from the kernel's high-water mark (VmHWM), read only when asked. An earlier 100 ms sampling timer in
// this process perturbed what it measured: with a timer always due, V8 let this process's heap grow to ~130 MB (RSS
// ~215 MB) where the same engine without the timer stays at ~55 MB (RSS ~145 MB) under the same load.
let peakRss = process.memoryUsage.rss();
function highWaterRss(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux: fall back to the largest RSS seen at a stats request
  }
  return Math.max(peakRss, process.memoryUsage.rss());
}

async function start(): Promise<{
  url: string;
  rows(): Promise<number>;
  extra(): Record<string, number>;
  close(): Promise<void>;
}> {
  if (kind === 'bare') {
    let answered = 0;
    const server = createServer((req, res) => {
      req.on('data', () => undefined);
      req.on('end', () => {
        answered++;
        res.writeHead(200);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      rows: async () => answered,
      extra: () => ({}),
      close: () => new Promise((r) => server.close(() => r())),
    };
  }
  if (kind === 'floor') return startFloor();
  if (kind === 'mockttp') {
    const { getLocal } = await import('mockttp');
    const mock = getLocal();
    await mock.start();
    const endpoint = await mock.forAnyRequest().thenReply(200);
    return {
      url: mock.url,
      rows: async () => (await endpoint.getSeenRequests()).length,
      extra: () => ({}),
      close: () => mock.stop(),
    };
  }
  // Tuned like the processes that host the engine (Electron main, `hookscope serve`).
  const { tuneHeapForLongRunningEngine } = await import('../../electron/engine/util/heap-tuning');
  tuneHeapForLongRunningEngine();
  const { createEngine } = await import('../../electron/engine/engine');
  const { silentLogger } = await import('../../electron/engine/util/logger');
  const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'));
  const engine = await createEngine({ dataDir, mode: 'test', log: silentLogger });
  return {
    url: engine.receiverUrl,
    rows: async () => engine.ctx.captures.count(),
    extra: () => {
      const stats = engine.ctx.captures.stats();
      return {
        dbSizeBytes: stats.dbSizeBytes,
        indexLagRows: stats.indexLagRows,
        indexLagMs: stats.indexLagMs,
      };
    },
    close: async () => {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The least any receiver that acknowledges after COMMIT can do: one row per request (request line, raw headers and
 * body, nothing parsed, no secondary index), group-committed per event-loop turn in WAL with synchronous=NORMAL, 200
 * after COMMIT, and the WAL checkpointed off the event loop by the same checkpointer as Hookscope's store (with
 * SQLite's automatic checkpoints on the event loop instead it ran at 25k req/s with p99 16–18 ms; now 27–29k, 4–5 ms).
 * It shows what durability alone costs on this machine, so Hookscope's ratio can be read against it.
 */
async function startFloor() {
  const { default: Database } = await import('better-sqlite3');
  const { WalCheckpointer } = await import('../../electron/engine/store/wal-checkpointer');
  const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-floor-'));
  const file = join(dataDir, 'floor.sqlite');
  const db = new Database(file);
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const checkpointer = new WalCheckpointer(db, file);
  checkpointer.start();
  db.exec('CREATE TABLE requests (id INTEGER PRIMARY KEY, head TEXT NOT NULL, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO requests (head, body) VALUES (?, ?)');
  let pending: Array<{ head: string; body: Buffer; answer: () => void }> = [];
  const commit = db.transaction((batch: typeof pending) => {
    for (const p of batch) insert.run(p.head, p.body);
  });
  const flush = () => {
    const batch = pending;
    pending = [];
    commit(batch);
    for (const p of batch) p.answer();
  };
  const server = createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const head = JSON.stringify([receivedAt, req.method, req.url, req.httpVersion, req.rawHeaders]);
      if (pending.length === 0) setImmediate(flush);
      pending.push({
        head,
        body: Buffer.concat(chunks),
        answer: () => {
          res.writeHead(200);
          res.end();
        },
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const count = db.prepare('SELECT count(*) FROM requests').pluck();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rows: async () => count.get() as number,
    extra: () => ({}),
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      checkpointer.stop();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const server = await start();
process.on('message', (message: { type: string }) => {
  void (async () => {
    if (message.type === 'stats') {
      const rss = process.memoryUsage.rss();
      peakRss = highWaterRss();
      const { heapTotal, external } = process.memoryUsage();
      process.send!({
        type: 'stats',
        rows: await server.rows(),
        rss,
        peakRss,
        heapTotal,
        external,
        ...server.extra(),
      });
    } else if (message.type === 'close') {
      await server.close();
      process.send!({ type: 'closed' }, () => process.exit(0));
    }
  })();
});
process.send!({ type: 'ready', url: server.url });
