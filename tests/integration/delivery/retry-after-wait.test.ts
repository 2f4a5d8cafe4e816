import { afterEach, expect, it } from 'vitest';
import { nextWait } from '../../../renderer/src/features/deliveries/next-wait';
import { cueServer, deliveryHarness } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it("Ortto's first retry put off to 2 h by Retry-After says the wait came from the target, and the schedule's 5 min", async () => {
  const server = await cueServer((n) =>
    n === 0 ? { status: 503, headers: { 'Retry-After': '7200' } } : { status: 503 },
  );
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'ortto',
  } as never);
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
