import type { DeliveryAttempt } from '../../../../electron/shared/contract/delivery';
import { base64ToBytes, bodyText, bytesToTextLenient } from '../../lib/bytes';

/**
 * An attempt's stored response body as text, in the charset its Content-Type declares (a `charset=iso-8859-1` answer
 * read as UTF-8 showed `Caf�`). Bytes that are not text in it are shown as UTF-8 would read them, as before.
 */
export function responseText(
  attempt: Pick<DeliveryAttempt, 'responseBodyBase64' | 'responseBodyBytes' | 'responseHeaders'>,
): string {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(attempt.responseBodyBase64);
  } catch {
    return '';
  }
  const header = (name: string) =>
    attempt.responseHeaders.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
  // Only the first bytes of a long or compressed answer are kept: the last character may be cut.
  const prefix = attempt.responseBodyBytes > bytes.length || header('content-encoding') !== null;
  return bodyText(bytes, header('content-type'), { prefix }).text ?? bytesToTextLenient(bytes);
}
