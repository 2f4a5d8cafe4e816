import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it('an attempt a crashed engine left in flight is logged from when it was claimed, and paces the next one from then', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  const t0 = a.clock.now();
  const { id } = a.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'ontraport',
    ontraport: { requestsPerMinute: 2, retries: 0 },
  } as never);
  // An engine claims it (and may have sent it), then dies; its lease ends a second later.
  expect(a.service.queue.store.claim(id, 'dead', t0, t0 + 1000)).toBeDefined();
  await a.service.close();
  a.db.close();

  const b = deliveryHarness({}, { dataDir: a.dataDir });
  cleanup.push(() => b.close());
  b.clock.advance(t0 + 5000 - b.clock.now());
  b.service.start();
  await b.drain();

  const attempts = b.service.get(id).attemptList;
  expect(attempts.map((x) => [x.outcome, x.startedAtMs - t0])).toEqual([
    ['interrupted', 0],
    // 2 a minute: 30 s after the request the dead engine may have sent, not 5 s.
    ['success', 30_000],
  ]);
});
