import { afterEach, expect, it } from 'vitest';
import { newDelivery } from '../../../electron/engine/delivery/new-delivery';
import { cueServer, deliveryHarness } from './helpers';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it('an attempt that failed at signing sent nothing, so it takes no rate slot: the next request to the origin goes at once', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  // Saved before secrets were checked on input: no attempt of it can be signed.
  const unsignable = h.service.queue.store.insert(
    newDelivery(
      { method: 'POST', url: `${server.url}/unsignable`, headers: [], body: Buffer.from('x') },
      {
        policy: 'none',
        ratePerMinute: 2,
        signing: { scheme: 'standard-webhooks', secret: 'not base64 !!' },
      } as never,
      'manual',
      h.clock.now(),
    ),
    h.clock.now(),
  );
  h.service.queue.poke();
  await h.settle();
  expect(h.service.get(unsignable.id).state).toBe('failed');

  const next = h.service.send({
    request: { method: 'POST', url: `${server.url}/next`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
    ratePerMinute: 2,
  } as never).id;
  await h.settle();
  expect(server.received.map((r) => r.url)).toEqual(['/next']);
  expect(h.service.get(next).state).toBe('succeeded');
});
