import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultBackoff } from '../../../electron/engine/tunnel/backoff';
import type { ProbeOutcome } from '../../../electron/engine/tunnel/probe';
import { PermanentRefusal } from '../../../electron/engine/tunnel/provider';
import { TunnelSupervisor, defaultTimings } from '../../../electron/engine/tunnel/supervisor';
import { FakeClock } from '../../../electron/engine/util/clock';
import { FakeProvider, flush } from './fake-provider';

const HOST = 'http://lt.example';
const okProbe: ProbeOutcome = { ok: true, latencyMs: 5, detail: 'ok' };
const badProbe: ProbeOutcome = { ok: false, latencyMs: null, detail: 'tunnel answered HTTP 404' };

type ProbeFn = () => ProbeOutcome | Promise<ProbeOutcome>;

function setup(options: { probe?: ProbeFn; random?: () => number; inFlight?: () => number } = {}) {
  const clock = new FakeClock(1_000_000);
  const provider = new FakeProvider();
  const probes: string[] = [];
  let probeResult = options.probe ?? (() => okProbe);
  const supervisor = new TunnelSupervisor({
    provider,
    clock,
    random: options.random ?? (() => 0.5),
    ...(options.inFlight ? { inFlight: options.inFlight } : {}),
    probe: async (url) => {
      probes.push(url);
      return probeResult();
    },
  });
  const phases: string[] = [];
  supervisor.onChange((s) => {
    if (phases.at(-1) !== s.phase) phases.push(s.phase);
  });
  return {
    clock,
    provider,
    supervisor,
    probes,
    phases,
    setProbe: (fn: ProbeFn) => (probeResult = fn),
    advance: async (ms: number) => {
      clock.advance(ms);
      await flush();
    },
  };
}

/** Online at http://abcd.lt.example, then degraded by one failed probe; `first` is that registration. */
async function degradedByOneFailedProbe(options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options);
  t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
  const first = t.provider.last().resolve('http://abcd.lt.example');
  await flush();
  t.setProbe(() => badProbe);
  await t.advance(0);
  expect(t.supervisor.getState().phase).toBe('degraded');
  return { t, first };
}

/** Registered at `firstUrl`, then that connection dropped and the 1 s back-off ran out: it is registering again. */
async function reconnectingAfterDrop(subdomain: string | null, firstUrl: string) {
  const t = setup();
  t.supervisor.start({ host: HOST, subdomain, localPort: 1 });
  const first = t.provider.last().resolve(firstUrl);
  await flush();
  first.fail('socket hang up');
  await t.advance(1000);
  return t;
}

describe('backoff', () => {
  it('doubles from the base, stays within ±jitter and never exceeds the cap', () => {
    const mid = [0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelayMs(n, defaultBackoff, () => 0.5));
    expect(mid).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffDelayMs(0, defaultBackoff, () => 0)).toBe(800);
    expect(backoffDelayMs(0, defaultBackoff, () => 1)).toBe(1200);
    expect(backoffDelayMs(20, defaultBackoff, () => 1)).toBe(defaultBackoff.capMs);
  });
});

describe('TunnelSupervisor', () => {
  it('goes idle → connecting → online, records the URL and probes it at once', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 4321 });
    expect(t.supervisor.getState().phase).toBe('connecting');
    expect(t.provider.last().request).toMatchObject({ host: HOST, subdomain: null, localPort: 4321 });
    t.provider.last().resolve('http://abcd.lt.example');
    await flush();
    const state = t.supervisor.getState();
    expect(state.phase).toBe('online');
    expect(state.url).toBe('http://abcd.lt.example');
    expect(state.history).toEqual([
      {
        url: 'http://abcd.lt.example',
        host: HOST,
        requestedSubdomain: null,
        fromMs: 1_000_000,
        untilMs: null,
      },
    ]);
    expect(state.urlChanged).toBeNull();
    await t.advance(0);
    expect(t.probes).toEqual(['http://abcd.lt.example']);
    expect(t.supervisor.getState().lastProbe).toMatchObject({ ok: true });
    await t.advance(defaultTimings.probeIntervalMs);
    expect(t.probes).toHaveLength(2);
    expect(t.phases).toEqual(['connecting', 'online']);
  });

  it('times a hanging registration out into offline with a reason, aborts it, and retries with growing back-off', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const call = t.provider.last();
      await t.advance(defaultTimings.registrationTimeoutMs);
      expect(call.request.signal.aborted).toBe(true);
      const state = t.supervisor.getState();
      expect(state.phase).toBe('offline');
      expect(state.lastError?.message).toMatch(/timed out after 10000 ms/);
      const delay = (state.nextAttemptAtMs ?? 0) - t.clock.now();
      delays.push(delay);
      await t.advance(delay - 1);
      expect(t.provider.calls).toHaveLength(i + 1);
      await t.advance(1);
      expect(t.provider.calls).toHaveLength(i + 2);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    // Recovers as soon as the server answers.
    t.provider.last().resolve('http://abcd.lt.example');
    await flush();
    expect(t.supervisor.getState().phase).toBe('online');
    expect(t.supervisor.getState().attempt).toBe(7);
    await t.advance(0);
    expect(t.supervisor.getState().attempt).toBe(0);
  });

  it('forgets the back-off of an outage once a registration has worked a probe interval, even when probes cannot tell', async () => {
    // Where the public host does not resolve, every probe is inconclusive: none ever succeeds to reset the back-off.
    const t = setup({
      probe: () => ({
        ok: false,
        inconclusive: true,
        latencyMs: null,
        detail: 'public host does not resolve here',
      }),
    });
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    for (let i = 0; i < 6; i++) {
      await t.advance(defaultTimings.registrationTimeoutMs);
      await t.advance((t.supervisor.getState().nextAttemptAtMs ?? 0) - t.clock.now());
    }
    const connection = t.provider.last().resolve('http://abcd.lt.example');
    await t.advance(0);
    // Just registered: a tunnel that fails again within seconds keeps backing off.
    expect(t.supervisor.getState()).toMatchObject({ phase: 'online', attempt: 6 });
    await t.advance(defaultTimings.probeIntervalMs);
    expect(t.supervisor.getState().lastProbe).toMatchObject({ inconclusive: true });
    expect(t.supervisor.getState().attempt).toBe(0);
    // The next outage starts again from the base delay, not from the cap.
    connection.fail('socket hang up');
    const state = t.supervisor.getState();
    expect(state.phase).toBe('degraded');
    expect((state.nextAttemptAtMs ?? 0) - t.clock.now()).toBe(defaultBackoff.baseMs);
  });

  it('forgets the back-off of an outage once a registration has worked a probe interval, even while probes wait behind requests', async () => {
    // A slow rule keeps requests through the tunnel open, so every probe waits behind them and cannot tell.
    const t = setup({ probe: () => badProbe, inFlight: () => 1 });
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    for (let i = 0; i < 6; i++) {
      await t.advance(defaultTimings.registrationTimeoutMs);
      await t.advance((t.supervisor.getState().nextAttemptAtMs ?? 0) - t.clock.now());
    }
    const connection = t.provider.last().resolve('http://abcd.lt.example');
    await t.advance(0);
    // Just registered: a tunnel that fails again within seconds keeps backing off.
    expect(t.supervisor.getState()).toMatchObject({ phase: 'online', attempt: 6 });
    await t.advance(defaultTimings.probeIntervalMs);
    expect(t.supervisor.getState().lastProbe).toMatchObject({ inconclusive: true });
    expect(t.supervisor.getState()).toMatchObject({ phase: 'online', attempt: 0 });
    // The next outage starts again from the base delay, not from the cap.
    connection.fail('socket hang up');
    const state = t.supervisor.getState();
    expect(state.phase).toBe('degraded');
    expect((state.nextAttemptAtMs ?? 0) - t.clock.now()).toBe(defaultBackoff.baseMs);
  });

  it('reports a rejected registration as offline with the server message', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: 'my-hooks', localPort: 1 });
    t.provider.last().reject('tunnel server refused the registration (HTTP 403): Invalid subdomain');
    await flush();
    expect(t.supervisor.getState()).toMatchObject({ phase: 'offline', attempt: 1 });
    expect(t.supervisor.getState().lastError?.message).toMatch(/HTTP 403/);
  });

  it('closes the URL it had when the server refuses the new registration for good, and never asks again', async () => {
    const t = await reconnectingAfterDrop(null, 'http://first.lt.example');
    t.provider
      .last()
      .reject(new PermanentRefusal('refused the registration (HTTP 403): banned; not retrying'));
    await flush();
    expect(t.supervisor.getState()).toMatchObject({
      phase: 'offline',
      url: null,
      nextAttemptAtMs: null,
      lastProbe: null,
      lastError: { message: 'refused the registration (HTTP 403): banned; not retrying' },
      history: [{ url: 'http://first.lt.example', untilMs: t.clock.now() }],
    });
    expect(t.supervisor.knownUrls()).toEqual(['http://first.lt.example']);
    await t.advance(10 * 60_000);
    expect(t.provider.calls).toHaveLength(2);
    expect(t.clock.pendingTimers()).toBe(0);
  });

  it('on a client error goes degraded keeping the URL, reconnects after back-off and flags a new URL', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    const first = t.provider.last().resolve('http://first.lt.example');
    await flush();
    await t.advance(0);
    first.fail('connection refused: 127.0.0.1:5555');
    const degraded = t.supervisor.getState();
    expect(degraded.phase).toBe('degraded');
    expect(degraded.url).toBe('http://first.lt.example');
    expect(degraded.lastError?.message).toMatch(/connection refused/);
    expect(first.closed).toBe(true);
    await t.advance(1000);
    expect(t.provider.calls).toHaveLength(2);
    expect(t.supervisor.getState().phase).toBe('connecting');
    t.provider.last().resolve('http://second.lt.example');
    await flush();
    const state = t.supervisor.getState();
    expect(state.phase).toBe('online');
    expect(state.urlChanged).toMatchObject({
      previousUrl: 'http://first.lt.example',
      url: 'http://second.lt.example',
      reason: 'new-url',
    });
    expect(state.history.map((h) => [h.url, h.untilMs === null])).toEqual([
      ['http://second.lt.example', true],
      ['http://first.lt.example', false],
    ]);
    expect(t.supervisor.knownUrls()).toEqual(['http://second.lt.example', 'http://first.lt.example']);
    t.supervisor.acknowledgeUrlChange();
    expect(t.supervisor.getState().urlChanged).toBeNull();
  });

  it('keeps the history entry and raises no alert when a reconnect yields the same URL', async () => {
    const t = await reconnectingAfterDrop('stable-name', 'http://stable-name.lt.example');
    t.provider.last().resolve('http://stable-name.lt.example');
    await flush();
    const state = t.supervisor.getState();
    expect(state.urlChanged).toBeNull();
    expect(state.history).toHaveLength(1);
    expect(state.history[0]?.untilMs).toBeNull();
  });

  it('after a reconnect, asks again for a subdomain our own stale registration still holds before accepting another', async () => {
    const t = await reconnectingAfterDrop('keep-this', 'http://keep-this.lt.example');
    const squatted = t.provider.last().resolve('http://random-one.lt.example');
    await flush();
    expect(squatted.closed).toBe(true);
    expect(t.supervisor.getState()).toMatchObject({
      phase: 'connecting',
      url: 'http://keep-this.lt.example',
      urlChanged: null,
    });
    expect(t.supervisor.getState().lastError?.message).toMatch(/still held by our previous connection/);
    await expectKeepThisReclaimed(t);
    expect(t.supervisor.getState().history).toHaveLength(1);
  });

  it.each([
    [
      'stopped while connecting, then started again',
      (t: ReturnType<typeof setup>) => {
        t.supervisor.stop();
        t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 });
      },
    ],
    [
      'restarted while connecting',
      (t: ReturnType<typeof setup>) =>
        t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 }),
    ],
    [
      'timed out registering, then retried',
      async (t: ReturnType<typeof setup>) => {
        await t.advance(defaultTimings.registrationTimeoutMs);
        expect(t.supervisor.getState().phase).toBe('offline');
        await t.advance(defaultTimings.backoff.baseMs);
      },
    ],
  ])(
    'asks again for a subdomain held by a registration it abandoned (%s) before accepting another',
    async (_, abandon) => {
      const t = setup();
      t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 });
      // The server registered the name; its connection never came up on our side.
      await abandon(t);
      expect(t.provider.calls).toHaveLength(2);
      const squatted = t.provider.last().resolve('http://random-one.lt.example');
      await flush();
      expect(squatted.closed).toBe(true);
      expect(t.supervisor.getState()).toMatchObject({ phase: 'connecting', urlChanged: null });
      await expectKeepThisReclaimed(t);
    },
  );

  it('says a name held by a registration it gave up on may still be held by that registration, not by a connection', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 });
    t.supervisor.stop();
    t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 });
    t.provider.last().resolve('http://random-one.lt.example');
    await flush();
    expect(t.supervisor.getState().lastError?.message).toMatch(
      /^subdomain "keep-this" may still be held by the registration we gave up on; asking again in 3 s/,
    );
  });

  it.each([
    ['a Start hours after a Stop', 6 * 3600_000],
    ['a Start just past the window', defaultTimings.reclaimWindowMs + 1],
  ])('reports a name someone else holds as taken at once on %s, without asking again', async (_, afterMs) => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 });
    t.provider.last().resolve('http://keep-this.lt.example');
    await flush();
    t.supervisor.stop();
    await t.advance(afterMs);
    t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 });
    t.provider.last().resolve('http://random-one.lt.example');
    await flush();
    expect(t.provider.calls).toHaveLength(2);
    expect(t.supervisor.getState()).toMatchObject({
      phase: 'online',
      url: 'http://random-one.lt.example',
      lastError: null,
      urlChanged: { reason: 'subdomain-taken', requestedSubdomain: 'keep-this' },
    });
  });

  it('asks again for its name on a Start right after a Stop, while the server may still hold it', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 });
    t.provider.last().resolve('http://keep-this.lt.example');
    await flush();
    t.supervisor.stop();
    await t.advance(1_000);
    t.supervisor.start({ host: HOST, subdomain: 'keep-this', localPort: 1 });
    t.provider.last().resolve('http://random-one.lt.example');
    await flush();
    expect(t.supervisor.getState().phase).toBe('connecting');
    expect(t.supervisor.getState().lastError?.message).toMatch(/still held by our previous connection/);
  });

  it('accepts the replacement and flags it once the reclaim attempts are used up', async () => {
    const t = await reconnectingAfterDrop('keep-this', 'http://keep-this.lt.example');
    for (let i = 0; i < defaultTimings.reclaimTries; i++) {
      t.provider.last().resolve(`http://random-${i}.lt.example`);
      await flush();
      await t.advance(defaultTimings.reclaimDelayMs);
    }
    t.provider.last().resolve('http://random-final.lt.example');
    await flush();
    expect(t.provider.calls).toHaveLength(2 + defaultTimings.reclaimTries);
    expect(t.supervisor.getState()).toMatchObject({
      phase: 'online',
      url: 'http://random-final.lt.example',
      urlChanged: { reason: 'subdomain-taken', previousUrl: 'http://keep-this.lt.example' },
    });
  });

  it('flags a taken subdomain that the server silently replaced', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: 'wanted-name', localPort: 1 });
    expect(t.provider.last().request.subdomain).toBe('wanted-name');
    t.provider.last().resolve('http://brave-fox-12.lt.example');
    await flush();
    expect(t.supervisor.getState().urlChanged).toMatchObject({
      reason: 'subdomain-taken',
      previousUrl: null,
    });
  });

  it.each([
    ['another server', { host: 'http://b.example', subdomain: null }],
    ['another subdomain', { host: HOST, subdomain: 'other-name' }],
  ])(
    'a restart to %s drops the old URL and ends its history entry, even when registering fails',
    async (_, next) => {
      const t = setup();
      t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
      const first = t.provider.last().resolve('http://abcd.lt.example');
      await flush();
      t.supervisor.start({ ...next, localPort: 1 });
      expect(first.closed).toBe(true);
      expect(t.supervisor.getState()).toMatchObject({ phase: 'connecting', url: null });
      t.provider.last().reject('tunnel server refused the registration (HTTP 503)');
      await flush();
      const state = t.supervisor.getState();
      expect(state).toMatchObject({ phase: 'offline', url: null });
      expect(state.history).toEqual([
        expect.objectContaining({ url: 'http://abcd.lt.example', untilMs: t.clock.now() }),
      ]);
      expect(t.supervisor.knownUrls()).toEqual(['http://abcd.lt.example']);
    },
  );

  it('a restart with the same server and subdomain keeps showing the URL while it reconnects', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: 'stable-name', localPort: 1 });
    t.provider.last().resolve('http://stable-name.lt.example');
    await flush();
    t.supervisor.start({ host: HOST, subdomain: 'stable-name', localPort: 2 });
    t.provider.last().reject('socket hang up');
    await flush();
    const state = t.supervisor.getState();
    expect(state).toMatchObject({ phase: 'offline', url: 'http://stable-name.lt.example' });
    expect(state.history[0]?.untilMs).toBeNull();
  });

  it('stop forgets the alert, error and probe result of the stopped tunnel', async () => {
    const t = await reconnectingAfterDrop(null, 'http://first.lt.example');
    t.provider.last().resolve('http://second.lt.example');
    await flush();
    t.setProbe(() => badProbe);
    await t.advance(0);
    expect(t.supervisor.getState()).toMatchObject({
      urlChanged: { reason: 'new-url' },
      lastError: { message: expect.stringMatching(/health probe failed/) },
      lastProbe: { ok: false },
    });
    t.supervisor.stop();
    expect(t.supervisor.getState()).toMatchObject({
      phase: 'idle',
      urlChanged: null,
      lastError: null,
      lastProbe: null,
    });
  });

  it('a restart the user asked for raises no new-URL alert and drops the old probe result', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    t.provider.last().resolve('http://first.lt.example');
    await flush();
    await t.advance(0);
    expect(t.supervisor.getState().lastProbe).toMatchObject({ ok: true });
    t.supervisor.start({ host: 'http://other.example', subdomain: 'new-name', localPort: 1 });
    expect(t.supervisor.getState()).toMatchObject({ lastProbe: null, urlChanged: null });
    t.provider.last().resolve('http://new-name.other.example');
    await flush();
    expect(t.supervisor.getState()).toMatchObject({ phase: 'online', urlChanged: null });
    // Stopped and started again: the server hands out another random URL, which the user is looking at.
    t.supervisor.stop();
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    t.provider.last().resolve('http://third.lt.example');
    await flush();
    expect(t.supervisor.getState().urlChanged).toBeNull();
  });

  it('a restart that gets the subdomain asked for drops the alert about the replacement it had before', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: 'wanted-name', localPort: 1 });
    t.provider.last().resolve('http://brave-fox-12.lt.example');
    await flush();
    expect(t.supervisor.getState().urlChanged).toMatchObject({ url: 'http://brave-fox-12.lt.example' });
    // The name was freed; Restart gets it. "Update the sender to brave-fox-12" would now send them to a dead URL.
    t.supervisor.start({ host: HOST, subdomain: 'wanted-name', localPort: 1 });
    t.provider.last().resolve('http://wanted-name.lt.example');
    await flush();
    expect(t.supervisor.getState()).toMatchObject({
      phase: 'online',
      url: 'http://wanted-name.lt.example',
      urlChanged: null,
    });
  });

  it('a taken-subdomain alert names the subdomain that was refused', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: 'wanted-name', localPort: 1 });
    t.provider.last().resolve('http://brave-fox-12.lt.example');
    await flush();
    expect(t.supervisor.getState().urlChanged).toMatchObject({
      reason: 'subdomain-taken',
      requestedSubdomain: 'wanted-name',
    });
  });

  it('one failed probe degrades and re-probes; a second reconnects; a good probe restores online', async () => {
    const { t, first } = await degradedByOneFailedProbe();
    t.setProbe(() => okProbe);
    await t.advance(defaultTimings.probeRetryMs);
    expect(t.supervisor.getState().phase).toBe('online');
    expect(t.provider.calls).toHaveLength(1);

    t.setProbe(() => badProbe);
    await t.advance(defaultTimings.probeIntervalMs);
    expect(t.supervisor.getState().phase).toBe('degraded');
    await t.advance(defaultTimings.probeRetryMs);
    expect(first.closed).toBe(true);
    expect(t.supervisor.getState().lastError?.message).toMatch(
      /probe failed twice: tunnel answered HTTP 404/,
    );
    await t.advance(1000);
    expect(t.provider.calls).toHaveLength(2);
  });

  it('a failed probe that the next probe cannot check re-registers instead of staying degraded', async () => {
    const unresolved: ProbeOutcome = {
      ok: false,
      inconclusive: true,
      latencyMs: null,
      detail: 'public host does not resolve here',
    };
    const { t, first } = await degradedByOneFailedProbe();
    t.setProbe(() => unresolved);
    await t.advance(defaultTimings.probeRetryMs);
    expect(first.closed).toBe(true);
    expect(t.supervisor.getState().lastError?.message).toMatch(
      /health probe failed and the next could not check: public host does not resolve here/,
    );
    await t.advance(t.supervisor.getState().nextAttemptAtMs! - t.clock.now());
    expect(t.provider.calls).toHaveLength(2);
    // The new registration starts with a clean count: probes that cannot tell leave it online.
    t.provider.last().resolve('http://abcd.lt.example');
    await flush();
    for (let i = 0; i < 3; i++) await t.advance(defaultTimings.probeIntervalMs);
    expect(t.supervisor.getState()).toMatchObject({
      phase: 'online',
      lastProbe: { inconclusive: true },
    });
    expect(t.provider.calls).toHaveLength(2);
  });

  it('a failed probe that the next probes cannot check while requests come through the tunnel clears back to online', async () => {
    let inFlight = 0;
    const { t, first } = await degradedByOneFailedProbe({ inFlight: () => inFlight });
    inFlight = 1;
    await t.advance(defaultTimings.probeRetryMs);
    expect(t.supervisor.getState()).toMatchObject({ phase: 'online', lastProbe: { inconclusive: true } });
    // The count was reset: once the load is over, one more failed probe only degrades, it does not re-register.
    inFlight = 0;
    await t.advance(defaultTimings.probeRetryMs);
    expect(t.supervisor.getState().phase).toBe('degraded');
    expect(first.closed).toBe(false);
    expect(t.provider.calls).toHaveLength(1);
  });

  it('keeps probing the new connection when the old one failed while its probe was still waiting', async () => {
    const t = setup();
    let answerOldProbe: (outcome: ProbeOutcome) => void = () => undefined;
    t.setProbe(() => new Promise((resolve) => (answerOldProbe = resolve)));
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    const first = t.provider.last().resolve('http://abcd.lt.example');
    await flush();
    await t.advance(0);
    expect(t.probes).toHaveLength(1);

    first.fail('server dropped the client');
    t.setProbe(() => okProbe);
    await t.advance(1000);
    t.provider.last().resolve('http://abcd.lt.example');
    await flush();
    await t.advance(0);
    answerOldProbe(badProbe);
    await flush();
    expect(t.probes).toHaveLength(2);
    await t.advance(defaultTimings.probeIntervalMs);
    expect(t.probes).toHaveLength(3);
    expect(t.supervisor.getState()).toMatchObject({ phase: 'online', lastProbe: { ok: true } });
  });

  it('repairs a tunnel that dies silently within 60 s of its death (worst case: right after a good probe)', async () => {
    const t = setup({ random: () => 1 });
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    t.provider.last().resolve('http://abcd.lt.example');
    await flush();
    await t.advance(0); // good probe
    const diedAt = t.clock.now();
    t.setProbe(() => badProbe);
    // Step in 100 ms increments until a new registration is attempted; count the registration timeout on top.
    while (t.provider.calls.length === 1 && t.clock.now() - diedAt < 120_000) await t.advance(100);
    const repairBound = t.clock.now() - diedAt + defaultTimings.registrationTimeoutMs;
    expect(t.provider.calls).toHaveLength(2);
    expect(repairBound).toBeLessThanOrEqual(60_000);
  });

  it('discards a registration that completes after stop, closing its connection', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    const pending = t.provider.last();
    t.supervisor.stop();
    expect(t.supervisor.getState().phase).toBe('idle');
    expect(pending.request.signal.aborted).toBe(true);
    const late = pending.resolve('http://late.lt.example');
    await flush();
    expect(late.closed).toBe(true);
    expect(t.supervisor.getState()).toMatchObject({ phase: 'idle', url: null });
    expect(t.clock.pendingTimers()).toBe(0);
  });

  it('stop closes the connection, ends the history entry and cancels every timer', async () => {
    const t = setup();
    t.supervisor.start({ host: HOST, subdomain: null, localPort: 1 });
    const connection = t.provider.last().resolve('http://abcd.lt.example');
    await flush();
    await t.advance(5_000);
    t.supervisor.stop();
    expect(connection.closed).toBe(true);
    expect(t.supervisor.getState().history[0]?.untilMs).toBe(t.clock.now());
    expect(t.clock.pendingTimers()).toBe(0);
    connection.fail('late error');
    expect(t.supervisor.getState().phase).toBe('idle');
  });
});

/** After a squatted answer, the supervisor asks again for "keep-this" once the reclaim delay passes, and gets it. */
async function expectKeepThisReclaimed(t: ReturnType<typeof setup>) {
  await t.advance(defaultTimings.reclaimDelayMs);
  expect(t.provider.calls).toHaveLength(3);
  t.provider.last().resolve('http://keep-this.lt.example');
  await flush();
  expect(t.supervisor.getState()).toMatchObject({
    phase: 'online',
    url: 'http://keep-this.lt.example',
    urlChanged: null,
    // The "asking again in 3 s" note was reported by tunnel.status all the while the tunnel was online.
    lastError: null,
  });
}
