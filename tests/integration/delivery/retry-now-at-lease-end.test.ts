import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { ApiError } from '../../../electron/shared/contract/errors';
import { cueServer, deliveryHarness, restartAfterCrash } from './helpers';

const cleanup = useCleanup();

const post = (url: string) =>
  ({
    request: { method: 'POST', url, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  }) as never;

function refusal(retry: () => unknown): ApiError {
  try {
    retry();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('retryNow was accepted');
}

it('"Retry now" on a cancelled row the moment a crashed engine\'s lease ends waits for its reclaim, which logs the attempt as interrupted', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  const { id } = a.service.send(post(`${server.url}/hook`));
  const b = await restartAfterCrash(a, id, 1000);
  cleanup.push(() => b.close());
  await b.settle();
  expect(b.service.cancel(id).state).toBe('cancelled');
  await b.settle();
  b.clock.advance(1000);

  expect(refusal(() => b.service.retryNow(id))).toMatchObject({
    code: 'conflict',
    message: `id: delivery ${id} is being sent right now (cancelled while its attempt finishes)`,
  });
  b.clock.advance(1);
  expect(b.service.retryNow(id).state).toBe('pending');
  await b.settle();

  const d = b.service.get(id);
  expect(d.attemptList.map((x) => [x.outcome, x.manual])).toEqual([
    ['interrupted', false],
    ['success', true],
  ]);
  expect(d.attemptList[0]!.error).toMatch(/outcome is unknown/);
  expect(server.received).toHaveLength(1);
});

it('"Retry now" on a row whose lease ended before this engine woke for it logs the lost attempt as interrupted first', async () => {
  const server = await cueServer((n) => ({ status: n === 0 ? 500 : 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send(post(`${server.url}/hook`));
  await h.settle();
  expect(h.service.get(id).state).toBe('failed');
  // Another engine over the same data retried it, claimed it, had it cancelled, and was killed mid-attempt; this
  // engine, idle, has no wake for that lease.
  const now = h.clock.now();
  h.db
    .prepare(
      `UPDATE deliveries SET state = 'cancelled', finished_at_ms = ?, lease_owner = 'dead', lease_until_ms = ?,
         claimed_at_ms = ?, retry_now = 1, policy_offset = attempts WHERE id = ?`,
    )
    .run(now, now + 1000, now, id);
  h.clock.advance(5000);

  h.service.retryNow(id);
  await h.settle();

  const d = h.service.get(id);
  expect(d.attemptList.map((x) => x.outcome)).toEqual(['failed', 'interrupted', 'success']);
  expect(d.state).toBe('succeeded');
  expect(server.received).toHaveLength(2);
});
