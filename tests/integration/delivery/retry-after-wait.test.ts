import { expect, it } from 'vitest';
import { nextWait } from '../../../renderer/src/features/deliveries/next-wait';
import { sendOneDelivery } from './one-delivery';

const MIN = 60_000;
const HOUR = 60 * MIN;

it("Ortto's first retry put off to 2 h by Retry-After says the wait came from the target, and the schedule's 5 min", async () => {
  const { h, id } = await sendOneDelivery(
    (n) => (n === 0 ? { status: 503, headers: { 'Retry-After': '7200' } } : { status: 503 }),
    { policy: 'ortto' },
  );
  await h.settle();
  h.clock.advance(2 * HOUR);
  await h.settle();

  const detail = h.service.get(id);
  const [first, second] = detail.attemptList;
  expect(first).toMatchObject({ nextWaitMs: 2 * HOUR, scheduleWaitMs: 5 * MIN });
  expect(second).toMatchObject({ nextWaitMs: 15 * MIN, scheduleWaitMs: null });

  const shown = nextWait(first!, second, detail.state);
  expect(shown.text).toBe('2.0 h (Retry-After)');
  expect(shown.title).toBe(
    "the wait was 2.0 h, set by the target's Retry-After; the schedule alone would have waited 5 min",
  );
  expect(nextWait(second!, undefined, detail.state)).toEqual({ text: '15 min' });
});
