import type { HeaderPair } from '../../shared/contract/captures';
import { declaredCharsetText } from '../../shared/decode/charset';

/** How much of a response the delivery list and log show. */
const PREVIEW_BYTES = 2048;

/**
 * The first bytes of a stored response as text, in the charset its Content-Type declares (an iso-8859-1 'café' read
 * as UTF-8 is 'caf\ufffd'), as the delivery detail shows the body; UTF-8 otherwise. `bodyBytes` is the answer's whole
 * size, when only its first bytes were kept.
 */
export function responsePreview(body: Buffer, headers: HeaderPair[], bodyBytes = body.length): string {
  const head = body.subarray(0, PREVIEW_BYTES);
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
  const prefix = head.length < body.length || body.length < bodyBytes;
  return declaredCharsetText(head, contentType, { prefix }) ?? head.toString('utf8');
}
