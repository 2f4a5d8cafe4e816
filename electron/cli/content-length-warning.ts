import type { HeaderPair } from '../shared/contract/captures';
import { clientHeaders } from '../shared/send/client-headers';

/**
 * A Content-Length given with -H never goes out: the HTTP client drops it and sends the body's own (`clientHeaders`),
 * as the composer's preview shows. Said on stderr with both values, so a length typed on purpose (to test a receiver's
 * handling of a wrong one) is not believed sent. `request` is the one request of a plain send; with --rows each row
 * is sent with its own body's length.
 */
export function contentLengthWarning(
  given: HeaderPair[],
  request: { method: string; url: string; bodyBytes: number } | 'per row',
): string | null {
  const typed = given.filter(([name]) => name.toLowerCase() === 'content-length');
  if (typed.length === 0) return null;
  const yours = typed.map(([name, value]) => `-H '${name}: ${value}'`).join(' and ');
  let sent: string;
  if (request === 'per row') sent = "each row's body length is sent instead";
  else {
    const { contentLength } = clientHeaders(request.method, request.url, given, request.bodyBytes);
    sent =
      contentLength === null
        ? 'no Content-Length is sent (the body is empty)'
        : `Content-Length: ${contentLength} is sent instead (the body's length)`;
  }
  return `warning: ${yours} ${typed.length === 1 ? 'is' : 'are'} not sent: ${sent}\n`;
}
