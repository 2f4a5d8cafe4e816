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
  outcome: 'failed',
  nextWaitMs: null,
  scheduleWaitMs: null,
  manual: false,
  requestHeaders: [],
  responseHeaders: [],
  responseBodyBase64: '',
  responseBodyDecoded: null,
  responseBodyBytes: 0,
  responseBodySizeUnknown: false,
  signedString: null,
  ...fields,
});

describe('"Next wait" of an attempt after which the schedule planned none', () => {
  it('says the next was retried by hand, and after how long', () => {
    const gaveUp = attempt({ outcome: 'failed', nextWaitMs: null });
    const byHand = attempt({
      attemptNo: 2,
      startedAtMs: 1_000_000 + 200 + 30_000,
      manual: true,
      status: 200,
    });
    expect(nextWait(gaveUp, byHand, 'succeeded')).toEqual({
      text: 'retried by hand after 30.0 s',
      title: 'no further attempt was scheduled',
    });
  });

  it('shows no wait when nothing followed it', () => {
    expect(nextWait(attempt({ nextWaitMs: null }), undefined, 'failed')).toEqual({ text: '—' });
  });
});
