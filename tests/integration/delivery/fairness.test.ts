import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

it('a rate-limited destination with a long backlog does not hold up another destination', async () => {
  const slow = await cueServer(() => ({ status: 200 }));
  const other = await cueServer(() => ({ status: 200 }));
  cleanup.push(
    () => slow.close(),
    () => other.close(),
  );
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  const send = (url: string, ratePerMinute?: number) =>
    h.service.send({
      request: { method: 'POST', url, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
      ratePerMinute,
    } as never);
  for (let i = 0; i < 500; i++) send(slow.url, 60); // one a second
  send(other.url);
  h.service.start();
  await h.settle();
  expect(slow.received).toHaveLength(1);
  expect(other.received).toHaveLength(1);
  // A second at a time: a slot opens only once the previous request was written, which real I/O does between steps.
  for (let second = 0; second < 2; second++) {
    h.clock.advance(1000);
    await h.settle();
  }
  expect(slow.received).toHaveLength(3);
});
