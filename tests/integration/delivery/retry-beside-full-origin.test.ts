import { expect, it } from 'vitest';
import { useRetryBesideBacklog } from '../../helpers/retry-beside-backlog';
import { until } from './helpers';

const retryBesideBacklog = useRetryBesideBacklog();

// Rows already due but held back by their destination's concurrency wait for an attempt to end, not for a timer. A
// retry due later at another destination needs its own timer all the same: it must not wait for that attempt (here a
// target that never answers, within a minute's timeout).
it('a retry goes when due while another destination has due rows waiting for a free connection', async () => {
  const {
    h,
    backlog: stalled,
    flaky,
    retried,
  } = await retryBesideBacklog({
    backlogCue: () => ({ stall: true }),
    flakyCue: (n) => (n === 0 ? { status: 500 } : { status: 200 }),
    rows: 2,
    rowOptions: { concurrency: 1, timeoutMs: 60_000 },
  });
  h.service.start();
  await until(() => (flaky.received.length === 1 && stalled.received.length === 1 ? true : undefined));
  await until(() => (h.service.get(retried.id).state === 'pending' ? true : undefined));
  // Its attempt has ended (only the stalled one is out) and the look at the queue that followed it has run.
  await until(() => (h.service.queue.inFlight === 1 ? true : undefined));
  await new Promise((resolve) => setImmediate(resolve));

  h.clock.advance(1000);
  await until(() => (h.service.get(retried.id).state === 'succeeded' ? true : undefined));
  expect(flaky.received).toHaveLength(2);
  expect(stalled.received).toHaveLength(1);
});
