import { newDelivery } from '../../../electron/engine/delivery/new-delivery';
import type { deliveryHarness } from './helpers';

type Harness = ReturnType<typeof deliveryHarness>;

/**
 * Stores a delivery to `url` on a 2-a-minute origin whose signing secret is not base64, as one saved before secrets
 * were checked on input would be: no attempt of it can be signed. Wakes the queue; the caller settles.
 */
export function insertUnsignable(h: Harness, url: string) {
  const delivery = h.service.queue.store.insert(
    newDelivery(
      { method: 'POST', url, headers: [], body: Buffer.from('x') },
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
  return delivery;
}
