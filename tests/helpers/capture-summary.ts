import type { CaptureSummary } from '../../electron/shared/contract/captures';

/** A list row for renderer tests; override what the test is about. */
export const captureSummary = (over: Partial<CaptureSummary> = {}): CaptureSummary => ({
  id: 1,
  receivedAtMs: 1_000,
  method: 'POST',
  path: '/x',
  query: '',
  endpointId: 2,
  responseStatus: 200,
  bodySizeBytes: 3,
  contentType: 'application/json; charset=utf-8',
  remoteAddress: '127.0.0.1',
  forwardedSender: null,
  truncated: false,
  source: 'receiver',
  vendor: null,
  eventLabel: null,
  ...over,
});
