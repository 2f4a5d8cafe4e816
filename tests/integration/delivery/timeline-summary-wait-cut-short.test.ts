import { expect, it } from 'vitest';
import { nextWait } from '../../../renderer/src/features/deliveries/next-wait';
import { timelineSummary } from '../../../renderer/src/features/deliveries/timeline-summary';
import { sendOneDelivery } from './one-delivery';

const MIN = 60_000;

// The chart's name told a screen reader "next in 5 min" for a wait the table shows was never waited: the delivery was
// cancelled during it, or "Retry now" sent the next attempt first.
it('a wait a cancel ended is "not waited (cancelled)" in the timeline summary, as in the Next wait column', async () => {
  const { h, id } = await sendOneDelivery(() => ({ status: 500 }), {
    policy: 'custom',
    customWaitsMs: [5 * MIN],
  });
  await h.settle();
  h.service.cancel(id);
  await h.settle();

  const detail = h.service.get(id);
  expect(detail.state).toBe('cancelled');
  const [only] = detail.attemptList;
  expect(nextWait(only!, undefined, detail.state).text).toBe('not waited (cancelled)');
  expect(timelineSummary(detail.attemptList, detail.state)).toBe(
    'Attempt timeline, 1 attempt: #1 500 (retry, not waited (cancelled))',
  );
});

it('a wait "Retry now" cut short says the retry was by hand; a wait still running says "next in"', async () => {
  const { h, id } = await sendOneDelivery(() => ({ status: 500 }), {
    policy: 'custom',
    customWaitsMs: [5 * MIN, 5 * MIN],
  });
  await h.settle();
  h.clock.advance(3000);
  h.service.retryNow(id);
  await h.settle();

  const detail = h.service.get(id);
  expect(detail.state).toBe('pending');
  const [first, second] = detail.attemptList;
  expect(nextWait(first!, second, detail.state).text).toMatch(/^retried by hand after /);
  expect(timelineSummary(detail.attemptList, detail.state)).toBe(
    `Attempt timeline, 2 attempts: #1 500 (retry, ${nextWait(first!, second, detail.state).text}); #2 500 (retry, next in 5 min)`,
  );
});
