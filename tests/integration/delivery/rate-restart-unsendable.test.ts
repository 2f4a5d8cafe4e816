import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness, restartOnSameData } from './helpers';
import { sendAtTwoPerMinute } from './two-a-minute-send';
import { insertUnsignable } from './unsignable-delivery';

const cleanup = useCleanup();

it('an attempt that failed at signing sent nothing, so a restart does not space the next request from it', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  a.service.start();
  const unsignable = insertUnsignable(a, `${server.url}/unsignable`);
  await a.settle();
  const [failed] = a.service.get(unsignable.id).attemptList;
  expect([failed!.outcome, failed!.requestHeaders]).toEqual(['failed', []]);
  expect(failed!.error).toMatch(/^signing failed/);
  await a.service.close(0);

  const b = restartOnSameData(a);
  cleanup.push(() => b.close());
  const next = sendAtTwoPerMinute(b, `${server.url}/next`);
  await b.settle();
  // Nothing reached the target before the restart: the first real request is not held back 30 s.
  expect(server.received.map((r) => r.url)).toEqual(['/next']);
  expect(b.service.get(next).state).toBe('succeeded');
});
