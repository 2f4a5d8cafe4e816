import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { createLocaltunnelProvider } from '../../../electron/engine/tunnel/localtunnel-provider';
import { TunnelSupervisor, type SupervisorState } from '../../../electron/engine/tunnel/supervisor';
import { FakeClock } from '../../../electron/engine/util/clock';

const cleanups = useCleanup();

/** A tunnel server on 127.0.0.1 that refuses every registration with `status` and localtunnel's JSON message. */
async function refusingServer(status: number, message: string) {
  const registrations: string[] = [];
  const server = http.createServer((req, res) => {
    registrations.push(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  return { host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, registrations };
}

/** Start a supervisor over the real provider and wait until its first registration has failed. */
async function firstFailure(host: string) {
  const clock = new FakeClock(1_000_000);
  const supervisor = new TunnelSupervisor({
    provider: createLocaltunnelProvider(),
    clock,
    random: () => 0.5,
    probe: () => Promise.resolve({ ok: true, latencyMs: 1, detail: 'ok' }),
  });
  cleanups.push(() => supervisor.stop());
  const failed = new Promise<SupervisorState>((resolve) =>
    supervisor.onChange((state) => state.phase === 'offline' && resolve(state)),
  );
  supervisor.start({ host, subdomain: 'my-hooks', localPort: 9 });
  return { clock, supervisor, state: await failed };
}

describe('a registration the tunnel server refuses', () => {
  it('is not asked again after a 4xx: offline with no next attempt, the reason and what to do', async () => {
    const server = await refusingServer(403, 'Invalid subdomain. Subdomains must be lowercase.');
    const { clock, supervisor, state } = await firstFailure(server.host);
    expect(state.nextAttemptAtMs).toBeNull();
    expect(state.lastError?.message).toBe(
      `tunnel server ${server.host} refused the registration (HTTP 403): Invalid subdomain. Subdomains must be lowercase.; not retrying, as it would refuse again: choose another subdomain (or leave it empty) or another tunnel server, then start the tunnel again`,
    );
    // The back-off would have asked again within 1.2 s, and again every 30 s at most.
    clock.advance(10 * 60_000);
    expect(supervisor.getState()).toMatchObject({ phase: 'offline', nextAttemptAtMs: null });
    expect(server.registrations).toEqual(['/my-hooks']);
  });

  it.each([408, 429, 500, 503])('is asked again after HTTP %i', async (status) => {
    const server = await refusingServer(status, 'try later');
    const { clock, supervisor, state } = await firstFailure(server.host);
    expect(state.nextAttemptAtMs).toBe(clock.now() + 1000);
    expect(state.lastError?.message).toBe(
      `tunnel server ${server.host} refused the registration (HTTP ${status}): try later`,
    );
    clock.advance(1000);
    expect(supervisor.getState().phase).toBe('connecting');
  });
});
