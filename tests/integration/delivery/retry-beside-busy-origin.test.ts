import { expect, it } from 'vitest';
import { useRetryBesideBacklog } from '../../helpers/retry-beside-backlog';

const retryBesideBacklog = useRetryBesideBacklog();

// The queue forgets a destination with nothing pending. A delivery whose only row was in flight at such a moment comes
// back pending when its attempt asks for a retry: that retry must go when due, not when another destination's backlog
// (a bulk send at 1 a second) has drained.
it('a retry to one destination goes when due while another destination has a rate-limited backlog', async () => {
  const {
    h,
    backlog: busy,
    flaky,
    retried,
  } = await retryBesideBacklog({
    backlogCue: () => ({ status: 200 }),
    // The first answer comes after the busy destination's first request has finished, so the queue looks again meanwhile.
    flakyCue: (n) => (n === 0 ? { status: 500, delayMs: 100 } : { status: 200 }),
    rows: 20,
    rowOptions: { ratePerMinute: 60 },
  });
  h.service.start();
  await h.settle();
  expect(flaky.received).toHaveLength(1);
  expect(h.service.get(retried.id).state).toBe('pending');

  // Its retry is due after 500 ms; two seconds on, the busy destination has taken two more of its slots.
  for (let second = 0; second < 2; second++) {
    h.clock.advance(1000);
    await h.settle();
  }
  expect(busy.received).toHaveLength(3);
  expect(flaky.received).toHaveLength(2);
  expect(h.service.get(retried.id).state).toBe('succeeded');
});
