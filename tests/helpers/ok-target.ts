import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * A delivery target on 127.0.0.1, port 0, that answers every request 200 "ok": started before the file's tests,
 * closed after them. Read `base` (`http://127.0.0.1:<port>`) inside tests, not at import time.
 */
export function useOkTarget(): { readonly base: string } {
  let target: Server | undefined;
  let base: string | undefined;
  beforeAll(async () => {
    const server = createServer((_req, res) => res.end('ok'));
    target = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (target ? target.close(() => resolve()) : resolve())));
  return {
    get base() {
      if (!base) throw new Error('useOkTarget: the target starts in beforeAll');
      return base;
    },
  };
}
