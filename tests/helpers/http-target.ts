import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * A real HTTP destination on 127.0.0.1, port 0, answering with `handler`: started before the file's tests, closed
 * after them. Read `url` (`http://127.0.0.1:<port>`) inside tests, not at import time.
 */
export function useHttpTarget(handler: RequestListener): { readonly url: string } {
  let target: Server | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    const server = createServer(handler);
    target = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (target ? target.close(() => resolve()) : resolve())));
  return {
    get url() {
      if (!url) throw new Error('useHttpTarget: the target starts in beforeAll');
      return url;
    },
  };
}
