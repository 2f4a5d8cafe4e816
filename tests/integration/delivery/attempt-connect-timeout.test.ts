import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { until } from './helpers';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** Accepts TCP on 127.0.0.1 and never answers, so a TLS handshake with it stalls. */
async function silentTcpServer() {
  const sockets: Array<{ socket: Socket; closed: boolean }> = [];
  const server = createServer((socket) => {
    const entry = { socket, closed: false };
    socket.on('error', () => {});
    // Read (and drop) the ClientHello, so the client's close is seen.
    socket.resume();
    socket.on('close', () => (entry.closed = true));
    sockets.push(entry);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    sockets,
    async close() {
      for (const { socket } of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// undici's own connect timeout is 10 s: an attempt allowed longer must not end there while its handshake stalls.
it("a stalled TLS connect ends with the attempt's timeout, not at undici's 10 s default, and its socket closes soon after", async () => {
  const server = await silentTcpServer();
  cleanup.push(() => server.close());
  const result = await createHttpSender()(
    {
      method: 'POST',
      url: `https://127.0.0.1:${server.port}/stalled`,
      headers: [],
      body: Buffer.from('x'),
      timeoutMs: 12_000,
    },
    new AbortController().signal,
  );
  expect(result.error).toBe('timed out after 12000 ms');
  expect(server.sockets).toHaveLength(1);
  // The abandoned handshake does not linger: its pool's connect timeout follows the attempt's (plus a second).
  await until(() => (server.sockets[0]!.closed ? true : undefined));
}, 20_000);
