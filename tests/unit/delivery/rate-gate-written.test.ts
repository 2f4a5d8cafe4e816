import { expect, it } from 'vitest';
import { RateGates } from '../../../electron/engine/delivery/rate-gate';

const limits = { ratePerMinute: 600 }; // one per 100 ms

it('a slot taken until written opens the next only once its request is written, spaced from then', () => {
  const gates = new RateGates({ concurrency: 10, ratePerMinute: null });
  expect(gates.tryAcquire('a', limits, 0, true)).toBe(0);
  expect(gates.awaitingWrite('a')).toBe(true);
  // its connection is still being set up: no slot, however long that takes
  expect(gates.tryAcquire('a', limits, 500, true)).toBe(Infinity);
  expect(gates.tryAcquire('b', limits, 500, true)).toBe(0); // another origin has its own gate
  gates.written('a', 150);
  expect(gates.awaitingWrite('a')).toBe(false);
  expect(gates.tryAcquire('a', limits, 200, true)).toBe(50); // spaced from the write, not from the slot at 0
  expect(gates.tryAcquire('a', limits, 250, true)).toBe(0);
});

it('a request written in its slot keeps the pace; one never written opens the next slot as it was', () => {
  const gates = new RateGates({ concurrency: 10, ratePerMinute: null });
  expect(gates.tryAcquire('a', limits, 0, true)).toBe(0);
  gates.written('a', 0);
  expect(gates.tryAcquire('a', limits, 100, true)).toBe(0);
  gates.written('a', null); // the attempt failed before writing (a refused connection)
  expect(gates.tryAcquire('a', limits, 150, true)).toBe(50);
  expect(gates.tryAcquire('a', limits, 200, true)).toBe(0);
  gates.release('a', {}, true); // its claim lost a race: the slot is given back, and with it the wait for a write
  expect(gates.awaitingWrite('a')).toBe(false);
  expect(gates.tryAcquire('a', limits, 200, true)).toBe(0);
});

it('without a rate nothing waits for a write', () => {
  const gates = new RateGates({ concurrency: 2, ratePerMinute: null });
  expect(gates.tryAcquire('a', {}, 0, true)).toBe(0);
  expect(gates.awaitingWrite('a')).toBe(false);
  expect(gates.tryAcquire('a', {}, 0, true)).toBe(0);
});
