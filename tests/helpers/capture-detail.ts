import type { CaptureDetail } from '../../electron/shared/contract/index';
import { captureSummary } from './capture-summary';

/** A stored capture for export and replay tests: `{}` posted to /x; override what the test is about. */
export const captureDetail = (over: Partial<CaptureDetail> = {}): CaptureDetail => ({
  ...captureSummary({ bodySizeBytes: 2, contentType: 'application/json' }),
  httpVersion: '1.1',
  remotePort: 1,
  headers: [],
  trailers: [],
  queryParams: [],
  bodyBase64: Buffer.from('{}').toString('base64'),
  decodedBodyBase64: null,
  decodeNote: null,
  contentEncoding: null,
  storedBodyBytes: 2,
  publicUrl: null,
  response: null,
  verification: null,
  ...over,
});
