/** Characters a request line carries as they are: printable ASCII, no space, no backslash (URL parsing reads `/`). */
const verbatim = /^[\x21-\x5b\x5d-\x7e]*$/;

/**
 * The path and query `url` asks for, as written. `new URL()` (which undici's `request()` goes through) resolves `.` and
 * `..` segments and percent-encodes `"'<>{}` and backquotes, so a replay of `/a/../b?q='x'` went out as `/b?q=%27x%27`
 * while the log showed the URL as stored. A target that a request line cannot carry as written (a space, non-ASCII)
 * is sent as URL parsing encodes it.
 */
export function requestTarget(url: string): string {
  const written = /^https?:\/\/[^/?#]*([^#]*)/i.exec(url)?.[1];
  if (written !== undefined && verbatim.test(url)) {
    if (written === '') return '/';
    return written.startsWith('?') ? `/${written}` : written;
  }
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * `url` as a URL that asks for exactly `requestTarget(url)`: as written when a request line carries it so, else with
 * the target as sent. curl refuses a URL with a space (exit 3) and sends a query's non-ASCII unencoded, so a cURL command
 * given the typed URL would fail or ask for other bytes than the composer's request did.
 */
export function urlAsSent(url: string): string {
  const origin = /^https?:\/\/[^/?#]*/i.exec(url)?.[0];
  if (origin === undefined || verbatim.test(url)) return url;
  try {
    return `${origin}${requestTarget(url)}`;
  } catch {
    return url;
  }
}
