import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

it('a response larger than what is read keeps its declared size, not the size read before reading stopped', async () => {
  const size = 5 * 1024 * 1024;
  server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(size) });
    res.end(Buffer.alloc(size, 'a'));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const result = await createHttpSender()(
    {
      method: 'POST',
      url: `http://127.0.0.1:${port}/big`,
      headers: [],
      body: Buffer.from('x'),
      timeoutMs: 10_000,
    },
    new AbortController().signal,
  );
  expect(result.status).toBe(200);
  expect(result.bodyBytes).toBe(size);
  expect(result.body.byteLength).toBe(16 * 1024);
});
