import type { CaptureDetail, HeaderPair } from '../contract/captures';
import { base64ToBytes } from './bytes';

type TypedCapture = Pick<CaptureDetail, 'source' | 'headers' | 'contentType'> &
  Partial<Pick<CaptureDetail, 'bodyBase64' | 'harContentType'>>;

/** How much of a body `harContentType` reads: its first line, where a multipart body names its boundary. */
export const HAR_BOUNDARY_HEAD_BYTES = 96;

/**
 * The Content-Type to send with an imported capture whose headers have none, when its HAR gave the type in
 * `postData.mimeType` only (the import keeps that type, parameters and all, but, rightly, leaves the captured headers
 * as they were). Null for every other capture: a received one's headers are exactly what was sent.
 */
export function harContentType(capture: TypedCapture): string | null {
  // Worked out by the engine from the stored body, for a capture read without it.
  if (capture.harContentType !== undefined) return capture.harContentType;
  if (capture.source !== 'imported' || capture.contentType === null) return null;
  if (capture.headers.some(([name]) => name.toLowerCase() === 'content-type')) return null;
  // A multipart body is unreadable without its boundary: when the type does not give one (captures imported before
  // the whole postData.mimeType was kept hold the media type alone), take it from the body's first line (`--boundary`).
  const boundary =
    /^\s*multipart\//i.test(capture.contentType) && !/;\s*boundary\s*=/i.test(capture.contentType)
      ? firstBoundary(capture.bodyBase64 ?? '')
      : null;
  if (boundary === null) return capture.contentType;
  // Quoted only when it must be (characters outside an HTTP token), as senders write it.
  return `${capture.contentType}; boundary=${/[^0-9A-Za-z'+_.-]/.test(boundary) ? `"${boundary}"` : boundary}`;
}

/** The boundary a multipart body opens with (RFC 2046: 1-70 characters of a limited set), or null. */
function firstBoundary(bodyBase64: string): string | null {
  const head = base64ToBytes(bodyBase64.slice(0, (HAR_BOUNDARY_HEAD_BYTES / 3) * 4));
  const line = /^--([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])\r?\n/.exec(
    String.fromCharCode(...head),
  );
  return line ? line[1]! : null;
}

/** `headers` with the HAR's postData type appended, when `harContentType` gives one. */
export function withHarContentType(headers: HeaderPair[], capture: TypedCapture): HeaderPair[] {
  const type = harContentType(capture);
  return type === null ? headers : [...headers, ['Content-Type', type]];
}
