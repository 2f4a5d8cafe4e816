import { describe, expect, it } from 'vitest';
import { healthyAfter, sendThroughTunnel, useTunnelSuite, waitFor } from './harness';

// A slow rule can hold every socket the tunnel server allows a client (2 on the test server), so health probes queue
// behind those requests and time out. That must not count as a dead tunnel: reconnecting would cut the requests off.

const suite = useTunnelSuite();

describe('health probe while slow requests fill the tunnel', () => {
  it('keeps the connection and the senders get their delayed responses', async () => {
    const h = await suite.startHarness();
    h.app.engine.ctx.endpoints.create({
      slug: 'slow',
      name: 'slow',
      rule: { status: 200, headers: [], body: 'late', delayMs: 6_000, behaviour: { kind: 'fixed' } },
    });
    h.tunnel.startTunnel({ host: suite.server.host });
    const online = await waitFor('the tunnel to come online', healthyAfter(h.tunnel));
    const sentAt = Date.now();
    const from = h.events.length;
    const sends = [1, 2].map((n) =>
      sendThroughTunnel(online.url!, { path: `/h/slow/${n}`, body: `n=${n}`, timeoutMs: 30_000 }),
    );
    // Two failed probes in a row is what reconnects an idle tunnel.
    await waitFor(
      'two probes to fail behind the held requests',
      () =>
        new Set(
          h.events
            .slice(from)
            .filter((e) => e.lastProbe && !e.lastProbe.ok && e.lastProbe.atMs >= sentAt)
            .map((e) => e.lastProbe!.atMs),
        ).size >= 2,
      20_000,
    );
    const responses = await Promise.all(sends);
    expect(responses.map((r) => [r.status, r.body.toString()])).toEqual([
      [200, 'late'],
      [200, 'late'],
    ]);
    expect(h.events.slice(from).map((e) => e.phase)).not.toContain('degraded');
    expect(h.tunnel.state().lastProbe?.detail ?? '').toMatch(/inconclusive|receiver answered/);
    const slow = h.captures().filter((c) => c.path.startsWith('/h/slow/'));
    expect(slow.map((c) => c.response?.reason ?? '')).not.toContainEqual(expect.stringMatching(/not sent/));
  });
});
