import type { HeaderPair } from '../shared/contract/captures';
import { clientHeaders } from '../shared/send/client-headers';

type LengthRequest = { method: string; url: string; bodyBytes: number } | 'per row';

/**
 * A Content-Length given with -H never goes out: the HTTP client drops it and sends the body's own (`clientHeaders`),
 * as the composer's preview shows. Said on stderr with both values, so a length typed on purpose (to test a receiver's
 * handling of a wrong one) is not believed sent. `request` is the one request of a plain send; with --rows each row
 * is sent with its own body's length. `omitted`: `-H 'Content-Length:'` (curl's "leave it out"), which the client
 * cannot honour when it sends a length.
 */
export function contentLengthWarning(
  given: HeaderPair[],
  request: LengthRequest,
  omitted = false,
): string | null {
  const typed = given.filter(([name]) => name.toLowerCase() === 'content-length');
  if (typed.length > 0) {
    const yours = typed.map(([name, value]) => `-H '${name}: ${value}'`).join(' and ');
    return `warning: ${yours} ${typed.length === 1 ? 'is' : 'are'} not sent: ${lengthSent(given, request)}\n`;
  }
  if (!omitted) return null;
  // An empty body of a method the client sends no length for goes out without one, as asked.
  if (request !== 'per row' && clientLength(given, request) === null) return null;
  const why =
    request === 'per row' || request.bodyBytes > 0
      ? 'HTTP needs the length of a body'
      : `the HTTP client sends one for an empty ${request.method}`;
  return `warning: -H 'Content-Length:' cannot leave it out (${why}): ${lengthSent(given, request)}\n`;
}

function clientLength(given: HeaderPair[], request: Exclude<LengthRequest, 'per row'>): number | null {
  return clientHeaders(request.method, request.url, given, request.bodyBytes).contentLength;
}

function lengthSent(given: HeaderPair[], request: LengthRequest): string {
  if (request === 'per row') return "each row's body length is sent instead";
  const contentLength = clientLength(given, request);
  return contentLength === null
    ? 'no Content-Length is sent (the body is empty)'
    : `Content-Length: ${contentLength} is sent instead (the body's length)`;
}
