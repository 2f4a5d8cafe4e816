import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

const HOUR = 3_600_000;
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it("the log's date range picks attempts by when they started, as its Date column shows them", async () => {
  const server = await cueServer((n) => ({ status: n === 0 ? 503 : 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'custom',
    customWaitsMs: [2 * HOUR],
  } as never);
  await h.drain(0);
  const [first, retry] = h.service.get(id).attemptList;
  expect(retry!.startedAtMs - first!.startedAtMs).toBeGreaterThanOrEqual(2 * HOUR);

  const afterFirst = first!.startedAtMs + HOUR;
  const later = h.service.queue.store.log({ fromMs: afterFirst }, null, 100);
  expect(later.items.map((r) => [r.attempt, r.dateMs])).toEqual([[2, retry!.startedAtMs]]);
  const earlier = h.service.queue.store.log({ toMs: afterFirst }, null, 100);
  expect(earlier.items.map((r) => [r.attempt, r.dateMs])).toEqual([[1, first!.startedAtMs]]);
  const exported = h.service.exportLog({
    format: 'json',
    filter: { fromMs: afterFirst },
    limit: 100,
    redact: true,
  });
  expect(exported.count).toBe(1);
  // The deliveries list still dates a delivery by its creation.
  expect(h.service.queue.store.list({ fromMs: afterFirst }, null, 100).items).toEqual([]);
});
