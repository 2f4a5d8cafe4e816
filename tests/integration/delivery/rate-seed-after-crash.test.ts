import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

it('after a crash, an origin at 2 a minute is spaced from its last real attempt, not from the reclaim of an interrupted one', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  const send = (path: string) =>
    a.service.send({
      request: { method: 'POST', url: `${server.url}${path}`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'ontraport',
      ontraport: { requestsPerMinute: 2, retries: 0 },
    } as never).id;
  const t0 = a.clock.now();
  send('/first');
  a.service.start();
  await a.settle();
  expect(server.received).toHaveLength(1);
  const second = send('/second');
  await a.settle();
  expect(server.received).toHaveLength(1); // waits for its slot, 30 s after the first

  // The engine dies with the second one in flight (its lease already over); a minute after the first request the next
  // start reclaims it.
  a.db
    .prepare(
      `UPDATE deliveries SET state = 'in_flight', lease_owner = 'dead', lease_until_ms = ? WHERE id = ?`,
    )
    .run(t0, second);
  await a.service.close();
  a.db.close();
  const b = deliveryHarness({}, { dataDir: a.dataDir, removeOnClose: true });
  cleanup.push(() => b.close());
  b.clock.advance(t0 + 60_000 - b.clock.now());
  b.service.start();
  await b.settle();

  const attempts = b.service.get(second).attemptList;
  expect(attempts.map((x) => [x.outcome, x.startedAtMs - t0])).toEqual([
    ['interrupted', 60_000],
    // The last request that went out was the first one, a minute ago: nothing holds this one back.
    ['success', 60_000],
  ]);
  expect(server.received.map((r) => r.url)).toEqual(['/first', '/second']);
});
