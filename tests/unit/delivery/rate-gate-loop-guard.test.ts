import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { RateGates } from '../../../electron/engine/delivery/rate-gate';
import { loopReason, assertNoLoop } from '../../../electron/engine/delivery/loop-guard';
import { stripHopByHop } from '../../../electron/shared/send/hop-by-hop';
import { busiestWindow } from '../../helpers/busiest-window';

describe('rate gates', () => {
  it('spaces slots 60000/rate apart per origin and caps concurrency', () => {
    const gates = new RateGates({ concurrency: 2, ratePerMinute: null });
    const limits = { ratePerMinute: 600 }; // one per 100 ms
    expect(gates.tryAcquire('a', limits, 0)).toBe(0);
    expect(gates.tryAcquire('a', limits, 0)).toBe(100);
    expect(gates.tryAcquire('b', limits, 0)).toBe(0); // another origin has its own gate
    expect(gates.tryAcquire('a', limits, 100)).toBe(0);
    expect(gates.tryAcquire('a', {}, 1000)).toBe(Infinity); // two in flight
    gates.release('a');
    expect(gates.tryAcquire('a', {}, 1000)).toBe(0);
  });
});

/**
 * The queue's use of a gate on an injected clock: each wake-up sends what the gate allows and re-arms for the wait it
 * gives, but wakes `lateMs[i]` late (the event loop was busy). Returns when each attempt was sent.
 */
function pace(ratePerMinute: number, attempts: number, lateMs: (wake: number) => number): number[] {
  const gates = new RateGates({ concurrency: 100, ratePerMinute: null });
  const sentAt: number[] = [];
  const start = 1_700_000_000_000; // a real clock's magnitude, where a double holds ms to about 0.0002
  let now = start;
  for (let wake = 0; sentAt.length < attempts; wake++) {
    let wait = 0;
    while (sentAt.length < attempts && (wait = gates.tryAcquire('a', { ratePerMinute }, now)) === 0) {
      sentAt.push(now - start);
      gates.release('a');
    }
    now += wait + lateMs(wake);
  }
  return sentAt;
}

it('a late wake-up sends later: no burst of missed slots, and no window holds more than the rate allows', () => {
  const gates = new RateGates({ concurrency: 100, ratePerMinute: null });
  const limits = { ratePerMinute: 600 };
  expect(gates.tryAcquire('a', limits, 0)).toBe(0); // next slot at 100
  expect(gates.tryAcquire('a', limits, 0)).toBe(100); // an attempt waits for it
  // woken 250 ms late: one attempt now, the next a full interval after it
  expect([350, 350, 350].map((t) => gates.tryAcquire('a', limits, t))).toEqual([0, 100, 100]);

  // 5 per 500 ms, with wake-ups up to 700 ms late in an irregular pattern
  const late = [0, 250, 0, 3, 700, 0, 1, 90, 0, 420, 0, 0, 37];
  const sentAt = pace(600, 60, (wake) => late[wake % late.length]!);
  for (const windowMs of [100, 500, 1_000, 2_000, 60_000])
    expect(busiestWindow(sentAt, windowMs), `window ${windowMs} ms`).toBeLessThanOrEqual(windowMs / 100);
  // 7 a second, where slots fall between milliseconds
  const sevenPerSecond = pace(420, 60, (wake) => late[wake % late.length]!);
  for (const windowMs of [143, 500, 1_000, 2_000, 60_000])
    expect(busiestWindow(sevenPerSecond, windowMs), `window ${windowMs} ms`).toBeLessThanOrEqual(
      Math.ceil((windowMs * 7) / 1000),
    );
});

it('an idle loop (wake-ups on time) sends at exactly the set rate', () => {
  expect(pace(600, 50, () => 0)).toEqual(Array.from({ length: 50 }, (_, i) => i * 100));
  expect(pace(60, 5, () => 0)).toEqual([0, 1000, 2000, 3000, 4000]);
  // 7 a second: 142.86 ms apart, sent in the millisecond each slot falls in
  expect(pace(420, 8, () => 0)).toEqual([0, 142, 285, 428, 571, 714, 857, 1000]);
  // 100 a millisecond, more than the clock can tell apart: all of a millisecond's slots in it, none early
  const fast = pace(6_000_000, 1000, () => 0);
  expect(busiestWindow(fast, 1)).toBe(100);
  expect(fast.at(-1)).toBe(9);
});

it('a slot nobody waited for is not used later: no burst after a short idle gap', () => {
  const gates = new RateGates({ concurrency: 100, ratePerMinute: null });
  const limits = { ratePerMinute: 60 }; // one a second
  expect(gates.tryAcquire('a', limits, 0)).toBe(0); // next slot at 1000, nobody waiting
  expect(gates.tryAcquire('a', limits, 1900)).toBe(0);
  expect(gates.tryAcquire('a', limits, 1900)).toBe(1000); // a full interval after the last send, not 100 ms
});

it("an origin's rate is the strictest in force: a faster one waits out the slower one's spacing", () => {
  const gates = new RateGates({ concurrency: 100, ratePerMinute: null });
  expect(gates.tryAcquire('a', { ratePerMinute: 60 }, 0)).toBe(0);
  expect(gates.tryAcquire('a', { ratePerMinute: 6000 }, 0)).toBe(1000); // not 10
  expect(gates.tryAcquire('a', {}, 500)).toBe(500); // nor an unlimited one
  expect(gates.tryAcquire('a', { ratePerMinute: 6000 }, 1000)).toBe(0); // the slower spacing over: its own rate
  expect(gates.tryAcquire('a', { ratePerMinute: 6000 }, 1000)).toBe(10);
  expect(gates.tryAcquire('a', { ratePerMinute: 60 }, 1010)).toBe(990); // slower again: a second after the last
});

it('an unlimited request goes once the spacing is over, and the next limited one is spaced from it', () => {
  const gates = new RateGates({ concurrency: 100, ratePerMinute: null });
  expect(gates.tryAcquire('a', { ratePerMinute: 60 }, 0)).toBe(0);
  expect(gates.tryAcquire('a', {}, 1000)).toBe(0);
  expect(gates.tryAcquire('a', {}, 1000)).toBe(0); // no limit in force any more
  expect(gates.tryAcquire('a', { ratePerMinute: 60 }, 1000)).toBe(1000);
});

it('the strictest concurrency among the attempts in flight caps the origin', () => {
  const gates = new RateGates({ concurrency: 10, ratePerMinute: null });
  expect(gates.tryAcquire('a', { concurrency: 1 }, 0)).toBe(0);
  expect(gates.tryAcquire('a', {}, 0)).toBe(Infinity); // not 10
  expect(gates.available('a')).toBe(0);
  gates.release('a', { concurrency: 1 });
  expect(gates.tryAcquire('a', {}, 0)).toBe(0);
  expect(gates.tryAcquire('a', { concurrency: 1 }, 0)).toBe(Infinity); // its own limit, with one in flight
  expect(gates.tryAcquire('a', {}, 0)).toBe(0);
});

describe('loop guard', () => {
  const targets = {
    receiverUrl: 'http://127.0.0.1:8787',
    receiverPort: 8787,
    publicUrls: ['https://abc.loca.lt'],
  };
  it.each([
    'http://127.0.0.1:8787/h/x',
    'http://localhost:8787/',
    'http://127.9.9.9:8787/',
    'http://[::1]:8787/',
    'http://[::ffff:127.0.0.1]:8787/',
    'http://[::ffff:127.1.2.3]:8787/',
    'http://[0:0:0:0:0:ffff:7f00:1]:8787/',
    'https://abc.loca.lt/hook',
    'http://localhost.:8787/',
    'http://127.0.0.1.:8787/',
    'https://abc.loca.lt./hook',
    'https://abc.loca.lt:443/hook',
  ])('refuses %s', (url) => {
    expect(loopReason(url, targets)).not.toBeNull();
    expect(() => assertNoLoop(url, targets, false)).toThrow(/allowLoop/);
    expect(() => assertNoLoop(url, targets, true)).not.toThrow();
  });
  it.each([
    'http://127.0.0.1:9999/',
    'https://example.com/',
    'https://other.loca.lt/',
    'http://[::ffff:10.0.0.1]:8787/',
    'https://abc.loca.lt:8443/hook',
  ])('allows %s', (url) => {
    expect(loopReason(url, targets)).toBeNull();
  });

  // This machine's own non-loopback addresses (a LAN or container address), as the OS lists them.
  const lanAddresses = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => !a.internal && a.family === 'IPv4')
    .map((a) => a.address);
  it.runIf(lanAddresses.length > 0)(
    "refuses this machine's own addresses when the receiver listens on every interface, and only then",
    () => {
      const url = `http://${lanAddresses[0]}:8787/h/x`;
      expect(loopReason(url, { ...targets, receiverHost: '0.0.0.0' })).toMatch(/this machine's addresses/);
      expect(loopReason(url, { ...targets, receiverHost: '::' })).not.toBeNull();
      expect(loopReason(url, { ...targets, receiverHost: '127.0.0.1' })).toBeNull();
      expect(
        loopReason(`http://${lanAddresses[0]}:9999/`, { ...targets, receiverHost: '0.0.0.0' }),
      ).toBeNull();
    },
  );
});

describe('hop-by-hop headers', () => {
  it('drops connection-bound headers, those Connection names, and content-length; keeps order and duplicates', () => {
    const kept = stripHopByHop([
      ['Host', 'x'],
      ['Connection', 'keep-alive, X-Trace'],
      ['X-Trace', '1'],
      ['Content-Length', '3'],
      ['Transfer-Encoding', 'chunked'],
      ['Proxy-Authorization', 'y'],
      ['X-A', '1'],
      ['x-a', '2'],
      ['Content-Type', 'application/json'],
    ]);
    expect(kept).toEqual([
      ['X-A', '1'],
      ['x-a', '2'],
      ['Content-Type', 'application/json'],
    ]);
  });
});
