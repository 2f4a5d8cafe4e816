import { describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from '../../../electron/shared/contract/delivery';
import { nextWait } from '../../../renderer/src/features/deliveries/next-wait';

const attempt = (fields: Partial<DeliveryAttempt>): DeliveryAttempt => ({
  id: 1,
  deliveryId: 1,
  attemptNo: 1,
  startedAtMs: 1_000_000,
  durationMs: 200,
  status: 500,
  error: null,
  outcome: 'retry',
  nextWaitMs: 300_000,
  scheduleWaitMs: null,
  manual: false,
  requestHeaders: [],
  responseHeaders: [],
  responseBodyBase64: '',
  responseBodyDecoded: null,
  responseBodySizeUnknown: false,
  responseBodyBytes: 0,
  signedString: null,
  ...fields,
});

/** The attempt after `first`, started `afterMs` after it ended. */
const after = (first: DeliveryAttempt, afterMs: number) =>
  attempt({ attemptNo: 2, startedAtMs: first.startedAtMs + first.durationMs + afterMs, status: 200 });

// The planned wait was shown even when the next attempt went out hours later (the engine was down through it).
describe('"Next wait" of an attempt whose next went out long after the planned wait', () => {
  it('shows the real gap beside the plan', () => {
    const first = attempt({});
    const wait = nextWait(first, after(first, 10_800_000), 'succeeded');
    expect(wait.text).toBe('5 min planned; sent 3.0 h later');
    expect(wait.title).toMatch(/went out 3\.0 h after this one ended: Hookscope was not running/);
  });

  it("keeps a Retry-After wait's origin", () => {
    const first = attempt({ nextWaitMs: 600_000, scheduleWaitMs: 300_000 });
    expect(nextWait(first, after(first, 7_200_000), 'succeeded').text).toBe(
      '10 min (Retry-After) planned; sent 2.0 h later',
    );
  });

  it('shows the plan alone when the next went out about on time', () => {
    const first = attempt({});
    expect(nextWait(first, after(first, 300_900), 'succeeded')).toEqual({ text: '5 min' });
  });
});
