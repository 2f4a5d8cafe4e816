import { afterEach, expect, it } from 'vitest';
import { newDelivery } from '../../../electron/engine/delivery/new-delivery';
import { cueServer, deliveryHarness, restartOnSameData } from './helpers';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it('an attempt that failed at signing sent nothing, so a restart does not space the next request from it', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  a.service.start();
  // Saved before secrets were checked on input: no attempt of it can be signed.
  const unsignable = a.service.queue.store.insert(
    newDelivery(
      { method: 'POST', url: `${server.url}/unsignable`, headers: [], body: Buffer.from('x') },
      {
        policy: 'none',
        ratePerMinute: 2,
        signing: { scheme: 'standard-webhooks', secret: 'not base64 !!' },
      } as never,
      'manual',
      a.clock.now(),
    ),
    a.clock.now(),
  );
  a.service.queue.poke();
  await a.settle();
  const [failed] = a.service.get(unsignable.id).attemptList;
  expect([failed!.outcome, failed!.requestHeaders]).toEqual(['failed', []]);
  expect(failed!.error).toMatch(/^signing failed/);
  await a.service.close(0);

  const b = restartOnSameData(a);
  cleanup.push(() => b.close());
  const next = b.service.send({
    request: { method: 'POST', url: `${server.url}/next`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
    ratePerMinute: 2,
  } as never).id;
  await b.settle();
  // Nothing reached the target before the restart: the first real request is not held back 30 s.
  expect(server.received.map((r) => r.url)).toEqual(['/next']);
  expect(b.service.get(next).state).toBe('succeeded');
});
