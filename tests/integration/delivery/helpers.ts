import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { createEngine } from '../../../electron/engine/engine';
import { openDatabase } from '../../../electron/engine/store/database';
import { DeliveryService, type DeliveryServiceDeps } from '../../../electron/engine/delivery/service';
import { FakeClock } from '../../../electron/engine/util/clock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

export interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  body: Buffer;
  delivery: string;
}

/** What the server does with request number `n` (0-based). */
export type Cue =
  | { status: number; headers?: Record<string, string>; body?: string | Buffer; delayMs?: number }
  | { reset: true }
  | { stall: true };

/** A real HTTP server on 127.0.0.1:0 that answers each request as the test cues it. */
export async function cueServer(cue: (n: number, req: Received) => Cue = () => ({ status: 200 })) {
  const received: Received[] = [];
  const stalled: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
        delivery: String(req.headers['x-hookscope-delivery'] ?? ''),
      };
      const n = received.push(r) - 1;
      const c = cue(n, r);
      if ('reset' in c) return req.socket.destroy();
      if ('stall' in c) return void stalled.push(res);
      const answer = () => res.writeHead(c.status, c.headers ?? {}).end(c.body ?? 'ok');
      if (c.delayMs) setTimeout(answer, c.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    async close() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A delivery service over a real SQLite database in a temp dir, on a fake clock. */
export function deliveryHarness(
  overrides: Partial<DeliveryServiceDeps> = {},
  existing?: { dataDir: string; removeOnClose?: boolean },
) {
  const dir = existing ? null : tempDir('hookscope-delivery-');
  const dataDir = existing?.dataDir ?? dir!.path;
  const db: Database.Database = openDatabase({ dataDir });
  const clock = new FakeClock(1_700_000_000_000);
  const events: Array<{ event: string; payload: unknown }> = [];
  const service = new DeliveryService({
    db,
    clock,
    log: silentLogger,
    emit: (event, payload) => events.push({ event, payload }),
    ...overrides,
  });
  return {
    db,
    clock,
    service,
    events,
    dataDir,
    /** Let in-flight attempts finish (real I/O), then let batched change events flush. */
    async settle() {
      for (;;) {
        while (service.queue.inFlight > 0) await service.queue.whenIdle();
        await new Promise((r) => setImmediate(r));
        if (service.queue.inFlight === 0) return;
      }
    },
    /** Run the queue to the end, jumping the fake clock to each next due time (or by `stepMs` when blocked). */
    async drain(stepMs = 1000, maxSteps = 1_000_000) {
      for (let i = 0; i < maxSteps; i++) {
        await this.settle();
        const next = service.queue.store.nextDueAt();
        if (next === null) return;
        clock.advance(Math.max(stepMs > 0 && next <= clock.now() ? stepMs : 0, next - clock.now()));
      }
      throw new Error('drain: queue never emptied');
    },
    async close() {
      await service.close(1000);
      db.close();
      dir?.cleanup();
      if (existing?.removeOnClose) removeDir(existing.dataDir);
    },
  };
}

/**
 * What a crash leaves behind, then a new engine on the same data: delivery `id` claimed (in flight) by an owner that
 * no longer runs, its lease ending `leaseMs` from now; `a` stopped and closed; `b` opened on `a`'s data at `a`'s time
 * and started. The caller closes `b`, which removes the data dir.
 */
export async function restartAfterCrash(
  a: ReturnType<typeof deliveryHarness>,
  id: number,
  leaseMs: number,
): Promise<ReturnType<typeof deliveryHarness>> {
  a.db
    .prepare(
      `UPDATE deliveries SET state = 'in_flight', lease_owner = 'dead', lease_until_ms = ? WHERE id = ?`,
    )
    .run(a.clock.now() + leaseMs, id);
  await a.service.close();
  a.db.close();
  const b = deliveryHarness({}, { dataDir: a.dataDir, removeOnClose: true });
  b.clock.advance(a.clock.now() - b.clock.now());
  b.service.start();
  return b;
}

/**
 * A restart: `a`'s database closed (stop `a`'s service first), then a new engine opened on `a`'s data at `a`'s time
 * and started. The caller closes it, which removes the data dir.
 */
export function restartOnSameData(a: ReturnType<typeof deliveryHarness>): ReturnType<typeof deliveryHarness> {
  a.db.close();
  const b = deliveryHarness({}, { dataDir: a.dataDir, removeOnClose: true });
  b.clock.advance(a.clock.now() - b.clock.now());
  b.service.start();
  return b;
}

/** Remove a temp data dir, retrying while a just-closed engine's files settle (ENOTEMPTY races). */
export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}

export type ApiReply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** A real engine behind its API dispatcher (outputs checked against the contract), and a cue server to send to. */
export async function apiHarness() {
  const server = await cueServer(() => ({ status: 200 }));
  const dir = tempDir();
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  const dispatcher = createDispatcher(engine.handlers, { checkOutputs: true });
  return {
    engine,
    server,
    call: (method: string, input: unknown) =>
      dispatcher.dispatch(method, input, { transport: 'in-process' }) as Promise<ApiReply>,
    async close() {
      await engine.close();
      await server.close();
      dir.cleanup();
    },
  };
}

/** `apiHarness` opened before the file's tests and closed after them; read its parts inside a test. */
export function useApiHarness() {
  let harness: Awaited<ReturnType<typeof apiHarness>> | undefined;
  beforeAll(async () => {
    harness = await apiHarness();
  });
  afterAll(() => harness?.close());
  const live = () => {
    if (!harness) throw new Error('the API harness is not open yet (use it inside a test)');
    return harness;
  };
  return {
    get engine() {
      return live().engine;
    },
    get server() {
      return live().server;
    },
    call: (method: string, input: unknown) => live().call(method, input),
  };
}

/** Polls `fn` every 10 ms until it gives a value (bounded: 8 s), for state that settles asynchronously. */
export async function until<T>(fn: () => T | undefined | Promise<T | undefined>, tries = 800): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('until: gave up');
}
