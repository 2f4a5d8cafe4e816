import { expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { useCleanup } from '../../helpers/cleanup';
import { stallingTcpServer } from '../../helpers/stalling-tcp-server';
import { until } from './helpers';

const cleanup = useCleanup();

// undici's own connect timeout is 10 s: an attempt allowed longer must not end there while its handshake stalls.
it("a stalled TLS connect ends with the attempt's timeout, not at undici's 10 s default, and its socket closes soon after", async () => {
  const server = await stallingTcpServer();
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
