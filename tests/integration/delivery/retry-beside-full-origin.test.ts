import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness, until } from './helpers';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

// Rows already due but held back by their destination's concurrency wait for an attempt to end, not for a timer. A
// retry due later at another destination needs its own timer all the same: it must not wait for that attempt (here a
// target that never answers, within a minute's timeout).
it('a retry goes when due while another destination has due rows waiting for a free connection', async () => {
  const stalled = await cueServer(() => ({ stall: true }));
  const flaky = await cueServer((n) => (n === 0 ? { status: 500 } : { status: 200 }));
  cleanup.push(
    () => stalled.close(),
    () => flaky.close(),
  );
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  for (let i = 0; i < 2; i++)
    h.service.send({
      request: { method: 'POST', url: `${stalled.url}/row/${i}`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
      concurrency: 1,
      timeoutMs: 60_000,
    } as never);
  const retried = h.service.send({
    request: { method: 'POST', url: `${flaky.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'custom',
    customWaitsMs: [500],
  } as never);
  h.service.start();
  await until(() => (flaky.received.length === 1 && stalled.received.length === 1 ? true : undefined));
  await until(() => (h.service.get(retried.id).state === 'pending' ? true : undefined));
  // Its attempt has ended (only the stalled one is out) and the look at the queue that followed it has run.
  await until(() => (h.service.queue.inFlight === 1 ? true : undefined));
  await new Promise((resolve) => setImmediate(resolve));

  h.clock.advance(1000);
  await until(() => (h.service.get(retried.id).state === 'succeeded' ? true : undefined));
  expect(flaky.received).toHaveLength(2);
  expect(stalled.received).toHaveLength(1);
});
