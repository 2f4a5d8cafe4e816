/**
 * A request target split into the path and query a capture is routed and stored by. An absolute-form target
 * (`POST http://host:port/h/x?a=1 HTTP/1.1`, which RFC 9112 says servers must accept) is routed by its path; its
 * scheme and authority come back as `origin`, so origin + path + query is the target exactly as sent. `emptyQuery`:
 * the target ended in a bare `?`, which the empty query alone would lose.
 */
export function splitRequestTarget(target: string): {
  path: string;
  query: string;
  emptyQuery: boolean;
  origin: string | null;
} {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  const origin = absolute ? absolute[0] : null;
  const rest = origin === null ? target : target.slice(origin.length);
  const q = rest.indexOf('?');
  const path = q === -1 ? rest : rest.slice(0, q);
  return {
    path: origin !== null && path === '' ? '/' : path,
    query: q === -1 ? '' : rest.slice(q + 1),
    emptyQuery: q === rest.length - 1,
    origin,
  };
}
