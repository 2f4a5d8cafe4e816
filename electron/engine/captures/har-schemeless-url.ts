/**
 * `localhost:3000/hook`, `127.0.0.1:8080`, `[::1]:3000/x`: a host and port with no `http://`, as people write them by
 * hand. The URL parser takes `localhost:` for a scheme and `3000/hook` for the path, losing the origin. A special
 * scheme's own name (`http:80`) is not a host here: the URL parser reads that one as the browser does.
 */
const hostAndPort =
  /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*):\d{1,5}(?=[/?#]|$)/;
const specialScheme = /^(?:https?|wss?|ftp|file):/i;

/** The URL to read for `written`: `http://` before a host and port without a scheme, with the warning that says so. */
export function withAssumedScheme(written: string, field: string): { url: string; warning: string | null } {
  if (!hostAndPort.test(written) || specialScheme.test(written)) return { url: written, warning: null };
  const shown = JSON.stringify(written.length > 80 ? `${written.slice(0, 80)}…` : written);
  return {
    url: `http://${written}`,
    warning: `${field}: ${shown} lacks http://, so its host would read as a scheme; read with http:// before it`,
  };
}
