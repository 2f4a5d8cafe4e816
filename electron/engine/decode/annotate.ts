import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { classifyCapture, type CustomDictionary } from '../../shared/decode/index';
import type { CaptureAnnotations, IncomingCapture } from '../context';

const MAX_BYTES = 64 * 1024;

/** Small compressed bodies are expanded (to at most 64 KB) so gzip-sending vendors are recognised too. */
function plainBody(capture: IncomingCapture): Uint8Array | null {
  const coding = capture.contentEncoding?.trim().toLowerCase();
  if (!coding || coding === 'identity') return capture.body;
  if (capture.body.length > MAX_BYTES) return null;
  try {
    const opts = { maxOutputLength: MAX_BYTES };
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(capture.body, opts);
    if (coding === 'deflate') return inflateSync(capture.body, opts);
    if (coding === 'br') return brotliDecompressSync(capture.body, opts);
  } catch {
    return null;
  }
  return null;
}

/** The receiver annotator: vendor and event label for the list's source column. Cheap and never throws. */
export function annotate(
  capture: IncomingCapture,
  custom: () => CustomDictionary | undefined,
): CaptureAnnotations {
  try {
    if (capture.truncated) return {};
    const body = plainBody(capture);
    if (!body) return {};
    const { vendor, eventLabel } = classifyCapture(
      {
        method: capture.method,
        path: capture.path,
        query: capture.query,
        headers: capture.headers,
        contentType: capture.contentType,
        body,
      },
      custom(),
    );
    return vendor ? { vendor, eventLabel } : {};
  } catch {
    return {};
  }
}
