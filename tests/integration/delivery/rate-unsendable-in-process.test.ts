import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';
import { sendAtTwoPerMinute } from './two-a-minute-send';
import { insertUnsignable } from './unsignable-delivery';

const cleanup = useCleanup();

it('an attempt that failed at signing sent nothing, so it takes no rate slot: the next request to the origin goes at once', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const unsignable = insertUnsignable(h, `${server.url}/unsignable`);
  await h.settle();
  expect(h.service.get(unsignable.id).state).toBe('failed');

  const next = sendAtTwoPerMinute(h, `${server.url}/next`);
  await h.settle();
  expect(server.received.map((r) => r.url)).toEqual(['/next']);
  expect(h.service.get(next).state).toBe('succeeded');
});
