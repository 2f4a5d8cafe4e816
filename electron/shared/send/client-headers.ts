import type { HeaderPair } from '../contract/captures';

/**
 * What the HTTP client (undici) makes of a request's headers: Host is added unless one is given, a given
 * Content-Length is dropped, and its own is sent for any body, and as 0 for an empty POST, PUT or PATCH. The engine
 * logs the headers sent by this rule and the composer's preview shows them by it, so what is shown is what is sent.
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
  const sendsLength = bodyBytes > 0 || ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase());
  return {
    host,
    headers: given.filter(([name]) => name.toLowerCase() !== 'content-length'),
    contentLength: sendsLength ? bodyBytes : null,
  };
}
