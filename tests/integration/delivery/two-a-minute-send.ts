import type { deliveryHarness } from './helpers';

type Harness = ReturnType<typeof deliveryHarness>;

/** Sends an empty POST to `url` on a 2-a-minute origin; returns its id. */
export function sendAtTwoPerMinute(h: Harness, url: string) {
  return h.service.send({
    request: { method: 'POST', url, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
    ratePerMinute: 2,
  } as never).id;
}
