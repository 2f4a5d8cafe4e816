import { connect } from 'node:net';
import { expect } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { startReceiver, type Receiver } from '../../../electron/engine/receiver/receiver';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

export interface BadInputHarness {
  engine: Engine;
  /** A second listener over the same engine with short timeouts, so slow clients are cut off within the test. */
  fast: Receiver;
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  /** Captures stored so far whose path starts with `prefix`, newest first. */
  captured(prefix: string): Promise<
    Array<{
      id: number;
      path: string;
      truncated: boolean;
      responseStatus: number | null;
      bodySizeBytes: number;
    }>
  >;
  body(id: number): Promise<Buffer>;
  /** The receiver still answers a normal request (bounded wait, so a hung receiver fails instead of stalling). */
  expectServing(url?: string): Promise<void>;
  close(): Promise<void>;
}

export async function badInputHarness(): Promise<BadInputHarness> {
  const dir = tempDir();
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  const fast = await startReceiver(engine.ctx, {
    host: '127.0.0.1',
    port: 0,
    headersTimeoutMs: 600,
    requestTimeoutMs: 1500,
    keepAliveTimeoutMs: 400,
  });
  const call = async <T>(method: string, input: unknown) =>
    (await (engine.handlers as unknown as Record<string, (i: unknown, m: unknown) => unknown>)[method]!(
      input,
      { transport: 'in-process' },
    )) as T;
  return {
    engine,
    fast,
    call,
    async captured(prefix) {
      const out = [];
      let cursor: number | null = null;
      do {
        const page: {
          items: Array<{
            id: number;
            path: string;
            truncated: boolean;
            responseStatus: number | null;
            bodySizeBytes: number;
          }>;
          nextCursor: number | null;
        } = await call('captures.list', { limit: 500, cursor });
        out.push(...page.items.filter((c) => c.path.startsWith(prefix)));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return out;
    },
    async body(id) {
      return Buffer.from((await call<{ bodyBase64: string }>('captures.get', { id })).bodyBase64, 'base64');
    },
    async expectServing(url = engine.receiverUrl) {
      const res = await Promise.race([
        send(`${url}/still-serving`, { method: 'POST', body: '{"ok":true}' }),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('receiver did not answer within 10 s')), 10_000),
        ),
      ]);
      expect(res.status).toBe(200);
      expect(Number(res.headers['x-hookscope-capture-id'])).toBeGreaterThan(0);
    },
    async close() {
      await fast.close();
      await engine.close();
      dir.cleanup();
    },
  };
}

export interface SocketResult {
  /** Everything the server sent, latin1. */
  text: string;
  /** True when the server closed the connection; false when we gave up waiting. */
  closedByServer: boolean;
}

/**
 * Writes `payload` (or each of its parts) on a raw socket (with `gapMs` between them), then waits for the server to close the connection, up
 * to `giveUpMs`. Used for requests no HTTP client would send.
 */
export function socketExchange(
  port: number,
  payload: string | Buffer | Array<string | Buffer>,
  options: { gapMs?: number; giveUpMs?: number; endAfterWrite?: boolean } = {},
): Promise<SocketResult> {
  const parts = Array.isArray(payload) ? payload : [payload];
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer });
    };
    const giveUp = setTimeout(() => finish(false), options.giveUpMs ?? 8_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.once('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
      if (options.endAfterWrite) socket.end();
    });
  });
}

export const portOf = (url: string) => Number(new URL(url).port);
