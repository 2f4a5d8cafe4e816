import { classifyCapture, type CustomDictionary } from '../../shared/decode/index';
import { LIMITS } from '../../shared/decode/body';
import type { CaptureAnnotations, IncomingCapture } from '../context';
import { storedBodyCodings } from '../../shared/send/transfer-codings';
import { decodeRequestBody } from '../store/body-text';

/** Bodies the receiver's annotator classifies as a capture is filed; larger ones wait for the background pass. */
export const FILING_MAX_BYTES = LIMITS.maxClassifyBytes;
/**
 * Bodies the background passes (LargeBodyClassifier, Relabeller) classify: the full decoder's limit, so the list's
 * label and the Decoded tab agree. About 20 ms per MB of JSON, so never on the filing or acknowledge path.
 */
export const BACKGROUND_MAX_BYTES = LIMITS.maxParseBytes;

/**
 * Compressed bodies are expanded (to at most `maxBytes`) so gzip-sending vendors are recognised too: every coding the
 * Decoded tab undoes (raw deflate, zstd, several in a row, transfer codings), so the list's label and the Decoded tab
 * agree.
 */
function plainBody(capture: IncomingCapture, maxBytes: number): Uint8Array | null {
  if (storedBodyCodings(capture.contentEncoding, capture.headers).length === 0) return capture.body;
  if (capture.body.length > maxBytes) return null;
  const body = Buffer.from(capture.body.buffer, capture.body.byteOffset, capture.body.byteLength);
  return decodeRequestBody(body, capture.contentEncoding, capture.headers, maxBytes).body;
}

/** The receiver annotator: vendor and event label for the list's source column. Bounded and never throws. */
export function annotate(
  capture: IncomingCapture,
  custom: () => CustomDictionary | undefined,
  maxBytes = FILING_MAX_BYTES,
): CaptureAnnotations {
  try {
    if (capture.truncated) return {};
    const body = plainBody(capture, maxBytes);
    if (!body) return {};
    const { vendor, eventLabel } = classifyCapture(
      {
        method: capture.method,
        path: capture.path,
        query: capture.query,
        headers: capture.headers,
        contentType: capture.contentType,
        harContentType: capture.harMimeType ?? null,
        body,
      },
      custom(),
      maxBytes,
    );
    return vendor ? { vendor, eventLabel } : {};
  } catch {
    return {};
  }
}
