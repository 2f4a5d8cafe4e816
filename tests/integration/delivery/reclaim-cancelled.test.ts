import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness, restartAfterCrash } from './helpers';

const cleanup = useCleanup();

it('a delivery a crashed engine left in flight, cancelled before its lease ends, still logs that attempt as interrupted', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  const { id } = a.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  const b = await restartAfterCrash(a, id, 60_000);
  cleanup.push(() => b.close());
  await b.settle();
  const cancelledAt = b.clock.now();
  expect(b.service.cancel(id).state).toBe('cancelled');
  await b.settle();
  b.clock.advance(60_001);
  await b.settle();

  const d = b.service.get(id);
  expect(d.state).toBe('cancelled');
  expect(d.attempts).toBe(1);
  expect(d.attemptList.map((x) => x.outcome)).toEqual(['interrupted']);
  expect(d.attemptList[0]!.error).toMatch(/outcome is unknown/);
  // Still cancelled when the user cancelled it, and its lease is no longer held (the log may clear it).
  const row = b.db.prepare('SELECT finished_at_ms, lease_owner FROM deliveries WHERE id = ?').get(id) as {
    finished_at_ms: number;
    lease_owner: string | null;
  };
  expect(row).toEqual({ finished_at_ms: cancelledAt, lease_owner: null });
  expect(server.received).toHaveLength(0);
});
