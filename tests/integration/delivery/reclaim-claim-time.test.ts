import { expect, it } from 'vitest';
import { useDeadEngineClaim } from '../../helpers/dead-engine-claim';

const restartedAfterDeadClaim = useDeadEngineClaim();

it('an attempt a crashed engine left in flight is logged from when it was claimed, and paces the next one from then', async () => {
  // An engine claims it (and may have sent it), then dies; its lease ends a second later.
  const { id, t0, service } = await restartedAfterDeadClaim(
    { policy: 'ontraport', ontraport: { requestsPerMinute: 2, retries: 0 } },
    5000,
  );

  const attempts = service.get(id).attemptList;
  expect(attempts.map((x) => [x.outcome, x.startedAtMs - t0])).toEqual([
    ['interrupted', 0],
    // 2 a minute: 30 s after the request the dead engine may have sent, not 5 s.
    ['success', 30_000],
  ]);
});
