import { describe, expect, it } from 'vitest';
import {
  decide,
  maxAttempts,
  parseRetryAfter,
  policySpec,
} from '../../../electron/engine/delivery/retry-policy';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Feed one result per attempt until the policy stops; the waits it chose and how it ended. */
function run(kind: Parameters<typeof policySpec>[0], status: number | null, options = {}, timeScale = 1) {
  const spec = policySpec(kind, options);
  const waits: number[] = [];
  for (let attempt = 1; attempt < 100; attempt++) {
    const d = decide(
      spec,
      attempt,
      { status, networkError: status === null ? 'ECONNRESET' : null },
      timeScale,
    );
    if (d.kind !== 'retry') return { waits, end: d.kind, attempts: attempt };
    waits.push(d.waitMs);
  }
  throw new Error('never ended');
}

describe('retry policies', () => {
  it('Ortto: 12 retries after the first attempt (13 attempts) waiting 5 min, 15 min, 1 h, 5 h, then 1 day', () => {
    const r = run('ortto', 500);
    expect(r.waits).toEqual([5 * MIN, 15 * MIN, HOUR, 5 * HOUR, DAY, DAY, DAY, DAY, DAY, DAY, DAY, DAY]);
    expect(r.attempts).toBe(13);
    expect(r.end).toBe('failed');
    expect(maxAttempts(policySpec('ortto'))).toBe(13);
  });

  it.each([400, 401, 403, 404, 405])('Ortto never retries %i', (status) => {
    expect(run('ortto', status)).toEqual({ waits: [], end: 'failed', attempts: 1 });
  });

  it.each([200, 204, 302, 399])('Ortto counts %i as delivered', (status) => {
    expect(decide(policySpec('ortto'), 1, { status }).kind).toBe('success');
  });

  it.each([402, 408, 429, 500, 503, 599])('Ortto retries %i, and network errors', (status) => {
    expect(decide(policySpec('ortto'), 1, { status }).kind).toBe('retry');
    expect(decide(policySpec('ortto'), 1, { status: null, networkError: 'ECONNRESET' }).kind).toBe('retry');
  });

  it.each([101, 600, 700, 999])(
    'Ortto never retries %i, outside the 400–599 it retries, and says so',
    (status) => {
      expect(run('ortto', status)).toEqual({ waits: [], end: 'failed', attempts: 1 });
      expect(decide(policySpec('ortto'), 1, { status })).toEqual({
        kind: 'failed',
        reason: `HTTP ${status}: Ortto retries only 400–599 (not 400, 401, 403, 404 or 405)`,
      });
    },
  );

  it('Standard Webhooks: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; 2xx only; 410 disables', () => {
    const r = run('standard', 503);
    expect(r.waits).toEqual([5000, 5 * MIN, 30 * MIN, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]);
    expect(r.attempts).toBe(8);
    expect(decide(policySpec('standard'), 1, { status: 302 }).kind).toBe('retry');
    expect(run('standard', 410)).toEqual({ waits: [], end: 'disabled', attempts: 1 });
  });

  it('Ontraport: its retry count, a minute apart; none: one attempt; custom: the given list', () => {
    expect(run('ontraport', 500, { ontraportRetries: 2 }).waits).toEqual([MIN, MIN]);
    expect(run('ontraport', 500, { ontraportRetries: 0 }).attempts).toBe(1);
    expect(run('none', 500)).toEqual({ waits: [], end: 'failed', attempts: 1 });
    expect(run('custom', null, { customWaitsMs: [10, 20, 30] }).waits).toEqual([10, 20, 30]);
  });

  it('time-scale multiplies every wait (0.001 turns 5 min into 300 ms)', () => {
    expect(run('ortto', 500, {}, 0.001).waits.slice(0, 4)).toEqual([300, 900, 3600, 18_000]);
  });

  it('Retry-After longer than the policy wait replaces it (capped at a day)', () => {
    const spec = policySpec('custom', { customWaitsMs: [1000] });
    expect(decide(spec, 1, { status: 429, retryAfterMs: 120_000 })).toMatchObject({
      kind: 'retry',
      waitMs: 120_000,
    });
    expect(decide(spec, 1, { status: 429, retryAfterMs: 10 })).toMatchObject({ kind: 'retry', waitMs: 1000 });
    expect(decide(spec, 1, { status: 429, retryAfterMs: 10 * DAY })).toMatchObject({ waitMs: DAY });
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter(new Date(5000).toUTCString(), 0)).toBe(5000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });

  it('reads the three HTTP date forms as GMT in any local zone, and nothing else as a date', () => {
    const before = process.env.TZ;
    const now = Date.parse('2026-11-24T06:00:00Z');
    try {
      for (const zone of ['America/St_Johns', 'Asia/Kolkata', 'Pacific/Chatham']) {
        process.env.TZ = zone;
        for (const date of [
          'Tue, 24 Nov 2026 06:10:00 GMT',
          'Tuesday, 24-Nov-26 06:10:00 GMT',
          'Tue Nov 24 06:10:00 2026',
        ])
          expect(parseRetryAfter(date, now), `${date} in ${zone}`).toBe(10 * MIN);
        expect(parseRetryAfter('Sun Nov  1 06:00:00 2026', now), zone).toBe(0);
        for (const text of ['1.5', 'soon 2027', '-1', 'Tue, 31 Feb 2026 06:10:00 GMT'])
          expect(parseRetryAfter(text, now), `${text} in ${zone}`).toBeNull();
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
