import { expect, it } from 'vitest';
import { ApiError } from '../../../electron/shared/contract/errors';
import { until } from './helpers';
import { sendOneDelivery } from './one-delivery';

it('"Retry now" on a delivery cancelled mid-attempt is refused until that attempt ends, then sends it again', async () => {
  const { server, h, id } = await sendOneDelivery((n) => (n === 0 ? { stall: true } : { status: 200 }), {
    policy: 'none',
    timeoutMs: 500,
  });
  await until(() => (server.received.length === 1 ? true : undefined));
  expect(h.service.cancel(id).state).toBe('cancelled');

  // Accepted, the retry was overwritten when the stalled attempt timed out: the delivery ended "failed", never resent.
  let refused: unknown;
  try {
    h.service.retryNow(id);
  } catch (error) {
    refused = error;
  }
  expect(refused).toBeInstanceOf(ApiError);
  expect((refused as ApiError).code).toBe('conflict');
  expect((refused as ApiError).message).toMatch(/^id: delivery \d+ is being sent right now/);

  await h.settle();
  // The stalled attempt timed out: its outcome is logged as it happened, and the delivery stays cancelled.
  expect(h.service.get(id).state).toBe('cancelled');
  expect(h.service.retryNow(id).state).toBe('pending');
  await h.settle();
  const detail = h.service.get(id);
  expect(detail.state).toBe('succeeded');
  expect(server.received).toHaveLength(2);
  expect(detail.attemptList.map((a) => [a.outcome, a.manual])).toEqual([
    ['failed', false],
    ['success', true],
  ]);
});
