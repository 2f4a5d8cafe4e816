import { expect, it } from 'vitest';
import { until } from './helpers';
import { sendOneDelivery } from './one-delivery';

it('"Clear finished" keeps a delivery cancelled while its attempt is out, so that attempt\'s outcome is logged', async () => {
  const { server, h, id } = await sendOneDelivery(() => ({ stall: true }), { policy: 'none' });
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
  const { server, h, id } = await sendOneDelivery(() => ({ stall: true }), { policy: 'none' });
  await until(() => (server.received.length === 1 ? true : undefined));
  h.service.cancel(id);
  const store = h.service.queue.store;
  expect(store.clearFinishedBeyond(0, 1000, h.clock.now())).toBe(0);
  expect(store.clearFinished(h.clock.now() + 1, 1000, h.clock.now())).toBe(0);
  expect(store.row(id)?.state).toBe('cancelled');
});
