import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness, until } from './helpers';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it('"Clear finished" keeps a delivery cancelled while its attempt is out, so that attempt\'s outcome is logged', async () => {
  const server = await cueServer(() => ({ stall: true }));
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  await until(() => (server.received.length === 1 ? true : undefined));
  expect(h.service.cancel(id).state).toBe('cancelled');

  expect(await h.service.clearFinished(null)).toEqual({ deleted: 0, keptSending: 1 });
  expect(h.service.queue.store.row(id)?.state).toBe('cancelled');

  await server.close(); // the stalled attempt ends with a reset
  await h.settle();
  const detail = h.service.get(id);
  expect(detail.attemptList).toHaveLength(1);
  expect(detail.attemptList[0]!.error).not.toBeNull();

  expect(await h.service.clearFinished(null)).toEqual({ deleted: 1, keptSending: 0 });
});

it('retention keeps it too, while its attempt is out', async () => {
  const server = await cueServer(() => ({ stall: true }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  await until(() => (server.received.length === 1 ? true : undefined));
  h.service.cancel(id);
  const store = h.service.queue.store;
  expect(store.clearFinishedBeyond(0, 1000, h.clock.now())).toBe(0);
  expect(store.clearFinished(h.clock.now() + 1, 1000, h.clock.now())).toBe(0);
  expect(store.row(id)?.state).toBe('cancelled');
});
