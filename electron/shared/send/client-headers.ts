import type { HeaderPair } from '../contract/captures';

/**
 * The methods undici sends `Content-Length: 0` for when the body is empty: these names exactly, as it compares them
 * (a `post` typed in lower case goes out as written, with no Content-Length).
 */
const EXPECTS_PAYLOAD = new Set(['PUT', 'POST', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH']);

/**
 * What the HTTP client (undici) makes of a request's headers: Host is added unless one is given, a given
 * Content-Length is dropped, and its own is sent for any body, and as 0 for an empty body of the methods above. The
 * engine logs the headers sent by this rule and the composer's preview shows them by it, so what is shown is what is
 * sent.
 */
export function clientHeaders(
  method: string,
  url: string,
  given: HeaderPair[],
  bodyBytes: number,
): { host: string | null; headers: HeaderPair[]; contentLength: number | null } {
  let host: string | null = null;
  if (!given.some(([name]) => name.toLowerCase() === 'host')) {
    try {
      host = new URL(url).host;
    } catch {
      // no URL, no request: the send fails and says why
    }
  }
  const sendsLength = bodyBytes > 0 || EXPECTS_PAYLOAD.has(method);
  return {
    host,
    headers: given.filter(([name]) => name.toLowerCase() !== 'content-length'),
    contentLength: sendsLength ? bodyBytes : null,
  };
}
