import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness, restartOnSameData } from './helpers';
import { sendAtTwoPerMinute } from './two-a-minute-send';

const cleanup = useCleanup();

/** A target that answers 200 and a delivery harness not yet started; `send` posts to a path of the target. */
async function harnessAndTarget() {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  const send = (h: typeof a, path: string) => sendAtTwoPerMinute(h, `${server.url}${path}`);
  return { server, a, send };
}

it('"Clear finished" then a restart: the next request to an origin at 2 a minute is still spaced from the cleared one', async () => {
  const { server, a, send } = await harnessAndTarget();
  const t0 = a.clock.now();
  a.service.start();
  send(a, '/cleared');
  await a.settle();
  expect(await a.service.clearFinished(null)).toEqual({ deleted: 1, keptSending: 0 });
  await a.service.close(0);

  const b = restartOnSameData(a);
  cleanup.push(() => b.close());
  b.clock.advance(10_000);
  const next = send(b, '/next');
  await b.settle();
  expect(server.received.map((r) => r.url)).toEqual(['/cleared']);
  b.clock.advance(20_000);
  await b.settle();
  expect(server.received.map((r) => r.url)).toEqual(['/cleared', '/next']);
  expect(b.service.get(next).attemptList.map((x) => x.startedAtMs - t0)).toEqual([30_000]);
});

it('retention pruning keeps the reference too', async () => {
  const { server, a, send } = await harnessAndTarget();
  a.service.start();
  send(a, '/pruned');
  await a.settle();
  expect(a.service.queue.store.clearFinishedBeyond(0, 1000, a.clock.now())).toBe(1);
  await a.service.close(0);

  const b = restartOnSameData(a);
  cleanup.push(() => b.close());
  b.clock.advance(10_000);
  send(b, '/next');
  await b.settle();
  expect(server.received.map((r) => r.url)).toEqual(['/pruned']);
});
