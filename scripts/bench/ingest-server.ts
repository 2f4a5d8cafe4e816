// One server under test, in its own process (own event loop, own RSS). Started by ingest.ts over IPC:
// prints nothing; sends { ready, url } and answers { stats } requests with rows stored and RSS (current and peak).
import { createServer } from 'node:http';
import {
  createServer as createSocketServer,
  type AddressInfo,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineContext } from '../../electron/engine/context';
import { removeOnExit } from './bench-util';

type Kind = 'hookscope' | 'bare' | 'floor' | 'batch-floor' | 'socket-floor' | 'socket-hookscope' | 'mockttp';
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
  rows(settle: boolean): Promise<number>;
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
    return served(server, async () => answered);
  }
  if (kind === 'floor' || kind === 'batch-floor') return startFloor(kind === 'batch-floor');
  if (kind === 'socket-floor') return startSocketFloor();
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
  removeOnExit(dataDir);
  const engine = await createEngine({ dataDir, mode: 'test', log: silentLogger });
  let settledMs: number | undefined;
  return {
    url: kind === 'socket-hookscope' ? await startSocketHookscope(engine.ctx) : engine.receiverUrl,
    rows: async (settle: boolean) => {
      // Acknowledged captures are filed and indexed in the background, taking a small share of the loop while the
      // receiver is saturated: after a round, wait (and say how long) until all of them are listed and searchable.
      if (settle) {
        const started = performance.now();
        while (engine.ctx.captures.stats().indexLagRows > 0 && performance.now() - started < 300_000)
          await new Promise((r) => setTimeout(r, 20));
        settledMs = Math.round(performance.now() - started);
      }
      return engine.ctx.captures.count();
    },
    extra: () => {
      const stats = engine.ctx.captures.stats();
      return {
        dbSizeBytes: stats.dbSizeBytes,
        indexLagRows: stats.indexLagRows,
        indexLagMs: stats.indexLagMs,
        ...(settledMs === undefined ? {} : { settledMs }),
      };
    },
    close: async () => {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Listens on a free loopback port; closing stops the server, then calls `afterClose`. */
async function served(server: NetServer, rows: () => Promise<number>, afterClose = () => {}) {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rows,
    extra: () => ({}),
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      afterClose();
    },
  };
}

/**
 * One row per request (receivedAt, request line, raw headers; body), group-committed per event-loop turn in WAL with
 * synchronous=NORMAL, answered after COMMIT, the WAL checkpointed off the event loop by the same checkpointer as
 * Hookscope's store (with SQLite's automatic checkpoints on the event loop instead the floor ran at 25k req/s with p99
 * 16–18 ms; with the worker 27–29k, 4–5 ms). With `oneRowPerBatch`, a group commit writes all its requests as one
 * length-prefixed blob instead: what the per-row insert itself costs.
 */
async function openFloorStore(oneRowPerBatch = false) {
  const { default: Database } = await import('better-sqlite3');
  const { WalCheckpointer } = await import('../../electron/engine/store/wal-checkpointer');
  const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-floor-'));
  removeOnExit(dataDir);
  const file = join(dataDir, 'floor.sqlite');
  const db = new Database(file);
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const checkpointer = new WalCheckpointer(db, file);
  checkpointer.start();
  db.exec('CREATE TABLE requests (id INTEGER PRIMARY KEY, head BLOB NOT NULL, body BLOB NOT NULL)');
  db.exec('CREATE TABLE batches (id INTEGER PRIMARY KEY, requests INTEGER NOT NULL, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO requests (head, body) VALUES (?, ?)');
  const insertBatch = db.prepare('INSERT INTO batches (requests, data) VALUES (?, ?)');
  let pending: Array<{ head: string | Buffer; body: Buffer; answer: () => void }> = [];
  const commit = db.transaction((batch: typeof pending) => {
    if (!oneRowPerBatch) {
      for (const p of batch) insert.run(p.head, p.body);
      return;
    }
    const parts: Buffer[] = [];
    for (const p of batch) {
      const head = typeof p.head === 'string' ? Buffer.from(p.head) : p.head;
      const lengths = Buffer.allocUnsafe(8);
      lengths.writeUInt32LE(head.length, 0);
      lengths.writeUInt32LE(p.body.length, 4);
      parts.push(lengths, head, p.body);
    }
    insertBatch.run(batch.length, Buffer.concat(parts));
  });
  const flush = () => {
    const batch = pending;
    pending = [];
    commit(batch);
    for (const p of batch) p.answer();
  };
  const count = db
    .prepare('SELECT (SELECT count(*) FROM requests) + (SELECT coalesce(sum(requests), 0) FROM batches)')
    .pluck();
  return {
    /** Stores the request in the next group commit and calls `answer` once it is committed. */
    append(head: string | Buffer, body: Buffer, answer: () => void) {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ head, body, answer });
    },
    rows: async () => count.get() as number,
    close() {
      checkpointer.stop();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The least any receiver that acknowledges after COMMIT can do with node:http: one unparsed row per request, no
 * secondary index, the floor store above. It shows what durability alone costs on this machine, so Hookscope's ratio
 * can be read against it. `batch-floor` (opt in) writes one row per group commit instead of one per request.
 */
async function startFloor(oneRowPerBatch: boolean) {
  const store = await openFloorStore(oneRowPerBatch);
  const server = createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const head = JSON.stringify([receivedAt, req.method, req.url, req.httpVersion, req.rawHeaders]);
      store.append(head, Buffer.concat(chunks), () => {
        res.writeHead(200);
        res.end();
      });
    });
  });
  return served(server, store.rows, () => store.close());
}

const socketFloorAnswer = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
const socketFloorRefusal = Buffer.from(
  'HTTP/1.1 501 Not Implemented\r\nconnection: close\r\ncontent-length: 0\r\n\r\n',
);

interface MinimalRequest {
  /** The request line and header lines, without the blank line. */
  head: Buffer;
  body: Buffer;
}

/**
 * A minimal HTTP/1.1 reader for this benchmark's requests on a raw TCP socket: Content-Length bodies, keep-alive,
 * pipelining; anything else gets 501 and the connection closed. Not a receiver — no limits, timeouts or validation.
 */
function minimalHttpServer(onRequest: (request: MinimalRequest, socket: Socket) => void): NetServer {
  return createSocketServer((socket: Socket) => {
    let buffered: Buffer = Buffer.alloc(0);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      for (;;) {
        const headEnd = buffered.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const headText = buffered.toString('latin1', 0, headEnd);
        if (/\r\ntransfer-encoding:/i.test(headText)) {
          socket.end(socketFloorRefusal);
          return;
        }
        const length = Number(/\r\ncontent-length:[ \t]*(\d+)/i.exec(headText)?.[1] ?? 0);
        const bodyStart = headEnd + 4;
        if (buffered.length < bodyStart + length) return;
        const head = buffered.subarray(0, headEnd);
        const body = Buffer.from(buffered.subarray(bodyStart, bodyStart + length));
        buffered = buffered.subarray(bodyStart + length);
        onRequest({ head, body }, socket);
      }
    });
  });
}

/**
 * The floor store behind the minimal reader instead of node:http, storing the raw head bytes: how far durability alone
 * is from bare node:http once node:http's own per-request cost is taken out. Opt in: `--only …,socket-floor`.
 */
async function startSocketFloor() {
  const store = await openFloorStore();
  const server = minimalHttpServer(({ head, body }, socket) => {
    store.append(Buffer.concat([Buffer.from(`${Date.now()} `), head]), body, () => {
      if (!socket.destroyed) socket.write(socketFloorAnswer);
    });
  });
  return served(server, store.rows, () => store.close());
}

/**
 * Hookscope's own store (the real engine: inbox group commit, filing, indexing, checkpointer) fed by the minimal reader
 * instead of the receiver: what Hookscope could reach with a hand-written HTTP stack and nothing else changed. The
 * request is parsed into the same capture the receiver stores and answered after COMMIT with the default rule's
 * response. Opt in: `--only …,socket-hookscope`.
 */
async function startSocketHookscope(ctx: EngineContext): Promise<string> {
  const server = minimalHttpServer(({ head, body }, socket) => {
    const receivedAtMs = ctx.clock.now();
    const lines = head.toString('latin1').split('\r\n');
    const [method = 'GET', target = '/', version = 'HTTP/1.1'] = lines[0]!.split(' ');
    const headers: Array<[string, string]> = [];
    let contentType: string | null = null;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      headers.push([name, value]);
      if (name.toLowerCase() === 'content-type') contentType = value;
    }
    const q = target.indexOf('?');
    const path = q < 0 ? target : target.slice(0, q);
    const endpoint = ctx.endpoints.match(path);
    const decided = rules.decide(endpoint);
    const responseBody = Buffer.from(decided.body);
    void ctx.captures
      .add({
        receivedAtMs,
        method,
        path,
        query: q < 0 ? '' : target.slice(q + 1),
        httpVersion: version.slice(5),
        headers,
        remoteAddress: socket.remoteAddress ?? '',
        remotePort: socket.remotePort ?? null,
        body,
        bodySizeBytes: body.length,
        truncated: false,
        contentType: mediaType(contentType ?? undefined),
        contentEncoding: null,
        endpointId: endpoint.id,
        source: 'receiver',
        publicUrl: null,
        vendor: null,
        eventLabel: null,
        verification: null,
        annotate: true,
        response: {
          status: decided.status,
          headers: decided.headers,
          bodyBase64: responseBody.toString('base64'),
          delayMs: decided.delayMs,
          reason: decided.reason,
        },
      })
      .then((id) => {
        if (socket.destroyed) return;
        let answer = `HTTP/1.1 ${decided.status} OK\r\n`;
        for (const [name, value] of decided.headers) answer += `${name}: ${value}\r\n`;
        answer += `x-hookscope-capture-id: ${id}\r\ncontent-length: ${responseBody.length}\r\n\r\n`;
        socket.write(Buffer.concat([Buffer.from(answer, 'latin1'), responseBody]));
      });
  });
  const { ResponseRules } = await import('../../electron/engine/receiver/response-rules');
  const { mediaType } = await import('../../electron/engine/store/capture-rows');
  const rules = new ResponseRules();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const server = await start();
process.on('message', (message: { type: string; settle?: boolean }) => {
  void (async () => {
    if (message.type === 'stats') {
      const settle = message.settle === true;
      const rss = process.memoryUsage.rss();
      peakRss = highWaterRss();
      const { heapTotal, external } = process.memoryUsage();
      process.send!({
        type: 'stats',
        rows: await server.rows(settle),
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
