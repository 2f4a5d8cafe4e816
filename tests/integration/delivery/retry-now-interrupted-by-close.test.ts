import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness, restartOnSameData, until } from './helpers';

const cleanup = useCleanup();

it('a "Retry now" attempt cut off by a shutdown keeps its "by hand" mark: the attempt after the restart is manual', async () => {
  // The first attempt fails, the one started by hand stalls until the engine stops, the one after the restart succeeds.
  const server = await cueServer((n) =>
    n === 0 ? { status: 500 } : n === 1 ? { stall: true } : { status: 200 },
  );
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  const { id } = a.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'custom',
    customWaitsMs: [3_600_000],
  } as never);
  a.service.start();
  await a.settle();
  a.service.retryNow(id);
  await until(() => (server.received.length === 2 ? true : undefined));
  await a.service.close(0);

  const b = restartOnSameData(a);
  cleanup.push(() => b.close());
  await b.settle();
  expect(b.service.get(id).attemptList.map((x) => [x.outcome, x.manual])).toEqual([
    ['retry', false],
    ['interrupted', true],
    ['success', true],
  ]);
});
