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

it('an https:// URL for a plain-HTTP server says the target does not speak TLS there, not an OpenSSL error stack', async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const result = await createHttpSender()(
    {
      method: 'POST',
      url: `https://127.0.0.1:${port}/hook`,
      headers: [],
      body: Buffer.from('x'),
      timeoutMs: 10_000,
    },
    new AbortController().signal,
  );
  expect(result.status).toBeNull();
  expect(result.error).toMatch(
    /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG): the target answered the TLS handshake with something that is not TLS \(OpenSSL: [a-z ]+\); it most likely speaks plain HTTP on this port \(use http:\/\/\)$/,
  );
  expect(result.unsendable).toBe(false);
});
