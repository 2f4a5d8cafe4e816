import { afterEach, expect, it } from 'vitest';
import { nextWait } from '../../../renderer/src/features/deliveries/next-wait';
import { timelineSummary } from '../../../renderer/src/features/deliveries/timeline-summary';
import { cueServer, deliveryHarness } from './helpers';

const HOUR = 3_600_000;
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it('an attempt a crash interrupted planned no wait: its next wait says when the retry really went out, not 0 ms', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const a = deliveryHarness();
  const t0 = a.clock.now();
  const { id } = a.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  // An engine claims it (and may have sent it), then dies; the app is started again three hours later.
  expect(a.service.queue.store.claim(id, 'dead', t0, t0 + 1000)).toBeDefined();
  await a.service.close();
  a.db.close();
  const b = deliveryHarness({}, { dataDir: a.dataDir });
  cleanup.push(() => b.close());
  b.clock.advance(t0 + 3 * HOUR - b.clock.now());
  b.service.start();
  await b.drain();

  const detail = b.service.get(id);
  const [interrupted, retry] = detail.attemptList;
  expect([interrupted?.outcome, retry?.outcome]).toEqual(['interrupted', 'success']);
  expect(interrupted!.nextWaitMs).toBeNull();
  expect(nextWait(interrupted!, retry, detail.state).text).toBe('interrupted: retried after 3.0 h');
  expect(timelineSummary(detail.attemptList)).not.toMatch(/next in/);
});

it('an interrupted attempt logged before no wait was recorded (0 ms) reads the same', () => {
  const attempt = (attemptNo: number, startedAtMs: number, outcome: 'interrupted' | 'success') =>
    ({
      id: attemptNo,
      attemptNo,
      startedAtMs,
      durationMs: 0,
      status: outcome === 'success' ? 200 : null,
      error: null,
      outcome,
      nextWaitMs: outcome === 'interrupted' ? 0 : null,
      scheduleWaitMs: null,
      manual: false,
    }) as never;
  const first = attempt(1, 0, 'interrupted');
  expect(nextWait(first, attempt(2, 300_000, 'success'), 'succeeded').text).toBe(
    'interrupted: retried after 5 min',
  );
  expect(nextWait(first, undefined, 'pending').text).toBe('interrupted: due again');
  expect(nextWait(first, undefined, 'cancelled').text).toBe('not waited (cancelled)');
  expect(timelineSummary([first])).toBe('Attempt timeline, 1 attempt: #1 no answer (interrupted)');
});
