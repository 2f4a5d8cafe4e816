import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness, restartAfterCrash } from './helpers';

const cleanup = useCleanup();

const post = (url: string, extra: Record<string, unknown> = {}) =>
  ({
    request: { method: 'POST', url, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'custom',
    customWaitsMs: [10],
    ...extra,
  }) as never;

describe('a delivery reclaimed after a crash', () => {
  it.each([
    ['its lease expires while the new engine runs', 5_000],
    ['its lease had expired before the new engine started', -1],
  ])('is sent again at once, not behind another rate-limited destination (%s)', async (_name, leaseInMs) => {
    const slow = await cueServer(() => ({ status: 200 }));
    const busy = await cueServer(() => ({ status: 200 }));
    cleanup.push(
      () => slow.close(),
      () => busy.close(),
    );
    const a = deliveryHarness();
    const { id } = a.service.send(post(`${slow.url}/slow`, { timeoutMs: 2000 }));
    for (let i = 0; i < 100; i++) a.service.send(post(`${busy.url}/ok`, { ratePerMinute: 60 }));
    const b = await restartAfterCrash(a, id, leaseInMs);
    cleanup.push(() => b.close());
    for (let step = 0; step < 120 && slow.received.length === 0; step++) {
      await b.settle();
      b.clock.advance(1000);
    }
    await b.settle();
    expect(slow.received).toHaveLength(1);
    // One request a second to the busy destination: the reclaimed row went out within seconds, not ~100 s.
    expect(busy.received.length).toBeLessThan(15);
    expect(b.service.get(id).attemptList.map((x) => x.outcome)).toEqual(['interrupted', 'success']);
  });
});
