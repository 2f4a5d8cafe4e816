import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

// A rate limit belongs to its origin: an unlimited send waits one full spacing after the origin's last limited request.
// After a restart the first request to the origin may be an unlimited one; it must still keep that spacing.
it('after a restart, an unlimited send to an origin limited to 6 a minute waits 10 s after its last request', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  a.service.send({
    request: { method: 'POST', url: `${server.url}/limited`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
    ratePerMinute: 6,
  } as never);
  const t0 = a.clock.now();
  a.service.start();
  await a.settle();
  expect(server.received).toHaveLength(1);
  await a.service.close();
  a.db.close();

  const b = deliveryHarness({}, { dataDir: a.dataDir, removeOnClose: true });
  cleanup.push(() => b.close());
  b.clock.advance(t0 + 1_000 - b.clock.now());
  const { id } = b.service.send({
    request: { method: 'POST', url: `${server.url}/unlimited`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  b.service.start();
  await b.settle();
  expect(server.received).toHaveLength(1);
  await b.drain();
  expect(b.service.get(id).attemptList[0]!.startedAtMs - t0).toBeGreaterThanOrEqual(10_000);
  expect(server.received.map((r) => r.url)).toEqual(['/limited', '/unlimited']);
});
