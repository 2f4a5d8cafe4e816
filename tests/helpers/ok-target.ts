import { useHttpTarget } from './http-target';

/**
 * A delivery target on 127.0.0.1, port 0, that answers every request 200 "ok": started before the file's tests,
 * closed after them. Read `base` (`http://127.0.0.1:<port>`) inside tests, not at import time.
 */
export function useOkTarget(): { readonly base: string } {
  const target = useHttpTarget((_req, res) => res.end('ok'));
  return {
    get base() {
      return target.url;
    },
  };
}
