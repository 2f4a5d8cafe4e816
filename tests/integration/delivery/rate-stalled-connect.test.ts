import { Agent, buildConnector } from 'undici';
import { expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { systemClock } from '../../../electron/engine/util/clock';
import { useCleanup } from '../../helpers/cleanup';
import { stallingTcpServer } from '../../helpers/stalling-tcp-server';
import { deliveryHarness, until } from './helpers';

const cleanup = useCleanup();

it("a rate-limited origin's stalled connect ends with the attempt's timeout and frees the next slot, not at the connect timeout", async () => {
  const server = await stallingTcpServer();
  cleanup.push(() => server.close());
  // A connect timeout far past the attempt's: only the attempt's own timeout can end the first attempt in time.
  const agent = new Agent({ connect: { timeout: 120_000 } });
  cleanup.push(() => agent.destroy());
  const h = deliveryHarness({ clock: systemClock, send: createHttpSender(agent) });
  cleanup.push(() => h.close());
  for (let i = 0; i < 2; i++)
    h.service.send({
      request: {
        method: 'POST',
        url: `https://127.0.0.1:${server.port}/r/${i}`,
        headers: [],
        bodyBase64: '',
      },
      type: 'manual',
      policy: 'none',
      ratePerMinute: 600,
      timeoutMs: 300,
    } as never);
  h.service.start();
  const errors = await until(() => {
    const rows = h.db.prepare('SELECT error FROM delivery_attempts ORDER BY id').all() as Array<{
      error: string;
    }>;
    return rows.length === 2 ? rows.map((r) => r.error) : undefined;
  });
  expect(errors).toEqual(['timed out after 300 ms', 'timed out after 300 ms']);
  // The second attempt connected while the first handshake was still pending: the gate did not wait for it to fail.
  expect(server.sockets).toHaveLength(2);
  expect(server.sockets[0]!.closed).toBe(false);
});

it('a request given up on while connecting is not written once its connection is ready', async () => {
  const server = await stallingTcpServer();
  cleanup.push(() => server.close());
  // TCP connects at once; the client sees the connection ready only 500 ms later, after the attempt gave up.
  const connect = buildConnector({});
  const agent = new Agent({
    connect: (options, callback) =>
      connect(options, (error, socket) => setTimeout(() => callback(error, socket as never), 500)),
  });
  cleanup.push(() => agent.destroy());
  const send = createHttpSender(agent);
  const result = await send(
    {
      method: 'POST',
      url: `http://127.0.0.1:${server.port}/late`,
      headers: [],
      body: Buffer.from('x'),
      timeoutMs: 100,
    },
    new AbortController().signal,
  );
  expect(result.error).toBe('timed out after 100 ms');
  await until(() => (server.sockets[0]?.closed ? true : undefined));
  expect(server.sockets.map((s) => s.bytes)).toEqual([0]);
});
