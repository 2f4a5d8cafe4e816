import type { DeliveryAttempt } from '../../../../electron/shared/contract/delivery';
import { responseCodingUndone } from '../../../../electron/shared/send/response-coding';

/**
 * The engine keeps only the first bytes of a large response, decoded if it came in one coding it knows, else as
 * received (a `compress` or `gzip, br` answer is not decoded, nor are bytes not in the coding they are labelled with,
 * and must not be called so). An attempt recorded before the engine kept which it was is judged by the coding alone.
 */
export function responseBodyTitle(
  attempt: Pick<
    DeliveryAttempt,
    | 'responseBodyBase64'
    | 'responseBodyBytes'
    | 'responseHeaders'
    | 'responseBodyDecoded'
    | 'responseBodySizeUnknown'
  >,
): string {
  // An empty answer (a 204 labelled gzip) has nothing to decode, whatever its Content-Encoding says.
  if (attempt.responseBodyBytes === 0) return 'Response body';
  const kept = Math.floor((attempt.responseBodyBase64.replace(/=+$/, '').length * 3) / 4);
  const encodings = attempt.responseHeaders
    .filter(([name]) => name.toLowerCase() === 'content-encoding')
    .map(([, value]) => value);
  const encoding = encodings.join(', ');
  // Cut at the read limit with no declared size, the bytes read are only a lower bound of the answer's size.
  const size = `${attempt.responseBodySizeUnknown ? 'at least ' : ''}${attempt.responseBodyBytes.toLocaleString()} bytes`;
  const sent = `${size} on the wire; ${kept.toLocaleString()} bytes kept`;
  if (responseCodingUndone(encoding) && attempt.responseBodyDecoded !== false)
    return `Response body (sent as ${encoding}, ${sent}, decoded)`;
  if (encoding.trim() && encoding.trim().toLowerCase() !== 'identity')
    return `Response body (sent as ${encoding}, ${sent}, as received: not decoded)`;
  return attempt.responseBodyBytes > kept
    ? `Response body (first ${kept.toLocaleString()} of ${size})`
    : 'Response body';
}
