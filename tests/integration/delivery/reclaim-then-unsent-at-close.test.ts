import { Agent } from 'undici';
import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { cueServer, deliveryHarness, removeDir, until } from './helpers';

const cleanup = useCleanup();

it('a crash-interrupted attempt, then one not sent at close: the log keeps both, and the crashed claim still spaces the origin', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const origin = server.url;
  const send = (h: ReturnType<typeof deliveryHarness>, path: string, ratePerMinute: number) =>
    h.service.send({
      request: { method: 'POST', url: `${server.url}${path}`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
      ratePerMinute,
    } as never).id;

  // Engine A dies with the delivery claimed: its request may have reached the target at t0.
  const a = deliveryHarness();
  cleanup.push(async () => removeDir(a.dataDir));
  const t0 = a.clock.now();
  const crashed = send(a, '/crashed', 2);
  expect(a.service.queue.store.claim(crashed, 'dead', t0, t0 + 1000)).toBeDefined();
  await a.service.close();
  a.db.close();

  // Engine B reclaims it, claims it again in its slot 30 s later, and closes before the connection is ready.
  const stalled = new Agent({ connect: () => {} });
  cleanup.push(() => stalled.destroy());
  const b = deliveryHarness({ send: createHttpSender(stalled) }, { dataDir: a.dataDir });
  b.clock.advance(t0 + 2_000 - b.clock.now());
  b.service.start();
  await b.settle();
  b.clock.advance(28_000);
  await until(() => (b.service.queue.inFlight === 1 ? true : undefined));
  await b.service.close(0);
  expect(
    b.service.get(crashed).attemptList.map((x) => [x.outcome, x.startedAtMs - t0, x.error?.slice(0, 38)]),
  ).toEqual([
    ['interrupted', 0, 'interrupted: the engine stopped during'],
    ['interrupted', 30_000, 'interrupted: the engine was closing be'],
  ]);
  // The request that may have gone out is still the crashed one's.
  expect(b.service.queue.store.lastRequest(origin)).toEqual({ atMs: t0, ratePerMinute: 2 });
  b.db.close();

  // Engine C, 31 s after t0: a request limited to 1 a minute is spaced from that crashed request, not sent at once.
  const c = deliveryHarness({}, { dataDir: a.dataDir });
  cleanup.push(() => c.close());
  c.clock.advance(t0 + 31_000 - c.clock.now());
  c.service.cancel(crashed);
  const next = send(c, '/next', 1);
  c.service.start();
  await c.settle();
  expect(server.received).toEqual([]);
  c.clock.advance(29_000);
  await c.settle();
  expect(server.received.map((r) => r.url)).toEqual(['/next']);
  expect(c.service.get(next).attemptList.map((x) => x.startedAtMs - t0)).toEqual([60_000]);
});
