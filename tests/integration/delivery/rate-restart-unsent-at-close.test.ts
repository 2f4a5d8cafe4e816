import { Agent } from 'undici';
import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { cueServer, deliveryHarness, restartOnSameData, until } from './helpers';
import { sendAtTwoPerMinute } from './two-a-minute-send';

const cleanup = useCleanup();

it('an attempt the engine stopped before its connection was ready is logged as not sent, and a restart does not space the next request from it', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  // The connection is never ready: the request cannot have been written when the engine stops.
  const stalled = new Agent({ connect: () => {} });
  cleanup.push(() => stalled.destroy());
  const a = deliveryHarness({ send: createHttpSender(stalled) });
  const first = sendAtTwoPerMinute(a, `${server.url}/first`);
  a.service.start();
  await until(() => (a.service.queue.inFlight === 1 ? true : undefined));
  await a.service.close(0);
  const [stopped] = a.service.get(first).attemptList;
  expect([stopped!.outcome, stopped!.requestHeaders]).toEqual(['interrupted', []]);
  expect(stopped!.error).toMatch(/not sent/);

  const b = restartOnSameData(a);
  cleanup.push(() => b.close());
  await b.settle();
  // Nothing reached the target before the restart: the first request after it is not held back 30 s.
  expect(server.received.map((r) => r.url)).toEqual(['/first']);
  expect(b.service.get(first).attemptList.map((x) => [x.outcome, x.startedAtMs - a.clock.now()])).toEqual([
    ['interrupted', 0],
    ['success', 0],
  ]);
});
