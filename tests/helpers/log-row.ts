import type { LogRow } from '../../electron/shared/contract/delivery';

/** A delivery log row of one successful manual POST whose response body was `responseData`. */
export const logRow = (responseData: string): LogRow => ({
  attemptId: 1,
  deliveryId: 1,
  request: 'POST https://example.com/hook',
  responseCode: 200,
  dateMs: Date.UTC(2026, 10, 23),
  responseData,
  durationMs: 12,
  attempt: 1,
  name: '',
  webhookId: null,
  type: 'manual',
  outcome: 'success',
  error: null,
  bulkJobId: null,
  bulkRow: null,
});
