import { expect, it } from 'vitest';
import { sendOneDelivery } from './one-delivery';

const HOUR = 3_600_000;

it("the log's date range picks attempts by when they started, as its Date column shows them", async () => {
  const { h, id } = await sendOneDelivery((n) => ({ status: n === 0 ? 503 : 200 }), {
    policy: 'custom',
    customWaitsMs: [2 * HOUR],
  });
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
