import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTunnelSuite, waitFor } from './harness';

// Senders resolve the public host through their own DNS. When this machine cannot (offline resolver, split DNS),
// the health probe learns nothing about the tunnel and must not tear a working one down.

const suite = useTunnelSuite();

const notFound: LookupFunction = (hostname, _options, callback) => {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  callback(error, '', 4);
};

describe('health probe when this machine cannot resolve the public host', () => {
  it('keeps the tunnel online and says the URL could not be checked from here', async () => {
    const h = await suite.startHarness(undefined, notFound);
    h.tunnel.startTunnel({ host: suite.server.host });
    // Two failed probes in a row is what reconnects a tunnel: wait for three.
    await waitFor(
      'three probes',
      () => new Set(h.events.filter((e) => e.lastProbe).map((e) => e.lastProbe!.atMs)).size >= 3,
      20_000,
    );
    const state = h.tunnel.state();
    expect(h.events.map((e) => e.phase)).not.toContain('degraded');
    expect(state).toMatchObject({ phase: 'online', attempt: 0, lastError: null });
    expect(state.history).toHaveLength(1);
    expect(state.lastProbe).toMatchObject({ ok: false, inconclusive: true });
    expect(state.lastProbe?.detail).toMatch(
      /could not check the public URL from this machine: .*\.lt\.test does not resolve here \(ENOTFOUND\)/,
    );
  });
});
