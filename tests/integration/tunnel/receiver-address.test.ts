import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';
import { sendThroughTunnel, testTimings, waitFor } from './harness';
import { loopbackLookup, startLtServer, type LtServer } from './lt-server';

// The tunnel client used to connect to `localhost` on the receiver's port. Where that name resolves to another
// address than the receiver's, public requests reached whatever else listened there. Here the receiver is on ::1 and
// another server on 127.0.0.1 at the same port (what localhost resolves to on this machine).

let server: LtServer;
let engine: Engine;
let other: http.Server;
let otherHits = 0;
const dir = tempDir();

beforeAll(async () => {
  server = await startLtServer();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger, receiverHost: '::1' });
  other = http.createServer((req, res) => {
    otherHits++;
    req.resume();
    res.end('another local service');
  });
  await new Promise<void>((resolve, reject) => {
    other.once('error', reject);
    other.listen(engine.ctx.receiverPort(), '127.0.0.1', () => resolve());
  });
});

afterAll(async () => {
  await new Promise((resolve) => other?.close(resolve));
  await engine?.close();
  await server?.stop();
  dir.cleanup();
});

it('forwards public requests to the receiver’s own address, not whatever localhost names', async () => {
  const tunnel = createTunnelModule(engine.ctx, {
    timings: testTimings,
    probeTimeoutMs: 1_000,
    probeLookup: loopbackLookup,
  });
  try {
    tunnel.startTunnel({ host: server.host, subdomain: null });
    const state = await waitFor('the tunnel to come online', () => {
      const s = tunnel.state();
      return s.phase === 'online' && s.url ? s : null;
    });
    const res = await sendThroughTunnel(state.url!, { path: '/through-the-tunnel', body: 'hello' });
    expect(res.body.toString()).not.toBe('another local service');
    expect(otherHits).toBe(0);
    expect(res.headers['x-hookscope-capture-id']).toBeDefined();
  } finally {
    await tunnel.close?.();
  }
});
