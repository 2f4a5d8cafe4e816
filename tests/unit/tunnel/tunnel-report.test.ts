import { describe, expect, it } from 'vitest';
import { createTunnelReporter } from '../../../electron/cli/commands/tunnel-report';
import type { TunnelState } from '../../../electron/shared/contract/tunnel';
import { cliIo } from '../../helpers/cli-io';
import { tunnelState } from '../../helpers/tunnel-state';

// What `serve` prints while registration keeps succeeding but health probes keep failing: the state cycles
// online → degraded → connecting → online on the same URL.

const URL_A = 'http://report.lt.example';

const state = (patch: Partial<TunnelState>) =>
  tunnelState({
    phase: 'online',
    url: URL_A,
    host: 'http://lt.example',
    requestedSubdomain: 'report',
    localPort: 1,
    ...patch,
  });

/** One probe-failure cycle starting at atMs, as the supervisor emits it. */
function cycle(report: (s: TunnelState) => void, atMs: number) {
  const failed = { message: 'health probe failed: tunnel answered HTTP 404', atMs };
  report(state({ phase: 'degraded', sinceMs: atMs, lastError: failed }));
  const twice = { message: 'health probe failed twice: tunnel answered HTTP 404', atMs: atMs + 5_000 };
  report(state({ phase: 'degraded', sinceMs: atMs, lastError: twice }));
  report(state({ phase: 'connecting', sinceMs: atMs + 6_000, lastError: twice }));
  report(state({ phase: 'online', sinceMs: atMs + 7_000, lastError: twice }));
}

describe("serve's tunnel lines while health probes keep failing", () => {
  it('say when the printed URL is degraded and when it recovers, at most once a minute', () => {
    const printed = cliIo();
    const report = createTunnelReporter(printed.io, false);
    report(state({ phase: 'online' }));
    cycle(report, 10_000);
    expect(printed.err()).toBe(
      'tunnel degraded: health probe failed: tunnel answered HTTP 404 (repairing)\n' +
        `tunnel back online: ${URL_A}\n`,
    );

    // Cycles every 20 s: the next ones within a minute of the last line are counted, not printed.
    cycle(report, 30_000);
    cycle(report, 50_000);
    expect(printed.err().split('\n').filter(Boolean)).toHaveLength(2);
    cycle(report, 70_000);
    expect(printed.err().split('\n').filter(Boolean).slice(2)).toEqual([
      'tunnel degraded: health probe failed: tunnel answered HTTP 404 (repairing; degraded 2 more times since the last report)',
      `tunnel back online: ${URL_A}`,
    ]);
    expect(printed.out()).toBe(`Public:   ${URL_A}\n`);
  });

  it('with --json-ready are JSON tunnel events on stdout, at most once a minute, and nothing on stderr', () => {
    const printed = cliIo();
    const report = createTunnelReporter(printed.io, true);
    report(state({ phase: 'online' }));
    cycle(report, 10_000);
    cycle(report, 30_000);
    cycle(report, 50_000);
    cycle(report, 70_000);
    expect(printed.err()).toBe('');
    const events = printed
      .out()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown);
    const degraded = { event: 'tunnel', status: 'degraded', url: URL_A };
    const backOnline = { event: 'tunnel', status: 'online', url: URL_A };
    expect(events).toEqual([
      { event: 'tunnel', url: URL_A, changed: false, subdomainTaken: null },
      { ...degraded, reason: 'health probe failed: tunnel answered HTTP 404', degradedSinceLastReport: 0 },
      backOnline,
      { ...degraded, reason: 'health probe failed: tunnel answered HTTP 404', degradedSinceLastReport: 2 },
      backOnline,
    ]);
  });

  it('escapes control characters of the reason', () => {
    const printed = cliIo();
    const report = createTunnelReporter(printed.io, false);
    report(state({ phase: 'online' }));
    report(state({ phase: 'degraded', lastError: { message: 'bad\u001b[2J', atMs: 1 } }));
    expect(printed.err()).toBe('tunnel degraded: bad\\x1b[2J (repairing)\n');
  });

  it('with --json-ready escapes control characters of the reason and keeps it whole', () => {
    const printed = cliIo();
    const report = createTunnelReporter(printed.io, true);
    report(state({ phase: 'online' }));
    report(state({ phase: 'degraded', lastError: { message: 'bad\u001b[2J\u009b2J', atMs: 1 } }));
    const line = printed.out().split('\n')[1]!;
    expect(line).toContain(String.raw`"reason":"bad\u001b[2J\u009b2J"`);
    expect(JSON.parse(line)).toMatchObject({ status: 'degraded', reason: 'bad\u001b[2J\u009b2J' });
  });
});

describe("serve's tunnel line for a failed registration", () => {
  it('says (retrying) only when another attempt is scheduled', () => {
    const printed = cliIo();
    const report = createTunnelReporter(printed.io, false);
    report(
      state({
        phase: 'offline',
        url: null,
        lastError: { message: 'HTTP 503', atMs: 1 },
        nextAttemptAtMs: 1_001,
      }),
    );
    const refused =
      'refused the registration (HTTP 403): Invalid subdomain; not retrying, as it would refuse again';
    report(
      state({ phase: 'offline', url: null, lastError: { message: refused, atMs: 2 }, nextAttemptAtMs: null }),
    );
    expect(printed.err()).toBe(`tunnel offline: HTTP 503 (retrying)\ntunnel offline: ${refused}\n`);
  });
});
