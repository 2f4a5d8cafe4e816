import { expect, it } from 'vitest';
import { nextWait } from '../../../renderer/src/features/deliveries/next-wait';
import { timelineSummary } from '../../../renderer/src/features/deliveries/timeline-summary';
import { useDeadEngineClaim } from '../../helpers/dead-engine-claim';

const HOUR = 3_600_000;
const restartedAfterDeadClaim = useDeadEngineClaim();

it('an attempt a crash interrupted planned no wait: its next wait says when the retry really went out, not 0 ms', async () => {
  // An engine claims it (and may have sent it), then dies; the app is started again three hours later.
  const { id, service } = await restartedAfterDeadClaim({ policy: 'none' }, 3 * HOUR);

  const detail = service.get(id);
  const [interrupted, retry] = detail.attemptList;
  expect([interrupted?.outcome, retry?.outcome]).toEqual(['interrupted', 'success']);
  expect(interrupted!.nextWaitMs).toBeNull();
  expect(nextWait(interrupted!, retry, detail.state).text).toBe('interrupted: retried after 3.0 h');
  expect(timelineSummary(detail.attemptList, detail.state)).not.toMatch(/next in/);
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
  expect(timelineSummary([first], 'pending')).toBe('Attempt timeline, 1 attempt: #1 no answer (interrupted)');
});
