import type { CaptureDetail, HeaderPair } from '../contract/captures';

type TypedCapture = Pick<CaptureDetail, 'source' | 'headers' | 'contentType'>;

/**
 * The Content-Type to send with an imported capture whose headers have none, when its HAR gave the type in
 * `postData.mimeType` only (the import stores that as the capture's content type but, rightly, leaves the captured
 * headers as they were). Null for every other capture: a received one's headers are exactly what was sent.
 */
export function harContentType(capture: TypedCapture): string | null {
  if (capture.source !== 'imported' || capture.contentType === null) return null;
  return capture.headers.some(([name]) => name.toLowerCase() === 'content-type') ? null : capture.contentType;
}

/** `headers` with the HAR's postData type appended, when `harContentType` gives one. */
export function withHarContentType(headers: HeaderPair[], capture: TypedCapture): HeaderPair[] {
  const type = harContentType(capture);
  return type === null ? headers : [...headers, ['Content-Type', type]];
}
