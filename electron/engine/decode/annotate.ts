import { classifyCapture, type CustomDictionary } from '../../shared/decode/index';
import type { CaptureAnnotations, IncomingCapture } from '../context';
import { decodeContentEncoding } from '../store/body-text';

const MAX_BYTES = 64 * 1024;

/**
 * Small compressed bodies are expanded (to at most 64 KB) so gzip-sending vendors are recognised too: every coding the
 * Decoded tab undoes (raw deflate, zstd, several in a row), so the list's label and the Decoded tab agree.
 */
function plainBody(capture: IncomingCapture): Uint8Array | null {
  const coding = capture.contentEncoding?.trim().toLowerCase();
  if (!coding || coding === 'identity') return capture.body;
  if (capture.body.length > MAX_BYTES) return null;
  const body = Buffer.from(capture.body.buffer, capture.body.byteOffset, capture.body.byteLength);
  return decodeContentEncoding(body, coding, MAX_BYTES).body;
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
