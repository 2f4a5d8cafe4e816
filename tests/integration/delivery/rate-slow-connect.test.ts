import { Agent, buildConnector } from 'undici';
import { expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { systemClock } from '../../../electron/engine/util/clock';
import { useCleanup } from '../../helpers/cleanup';
import { arrivalClockServer } from '../../helpers/arrival-clock-server';
import { deliveryHarness, until } from './helpers';

const cleanup = useCleanup();

/**
 * An HTTP client whose every new connection takes `ms` to be ready, as TCP and TLS handshakes with a distant receiver
 * would: the request is written only then, while a pooled connection writes at once. (Loopback connects in
 * microseconds, and a delay added on the server's side of the socket is invisible to the client, so it is added here.)
 */
function slowConnectingAgent(ms: number): Agent {
  const connect = buildConnector({});
  return new Agent({
    connect: (options, callback) =>
      connect(options, (error, socket) => setTimeout(() => callback(error, socket as never), ms)),
  });
}

it('rate-limited sends are spaced as the receiver sees them, when one waits for a new connection and the next reuses one', async () => {
  const server = await arrivalClockServer();
  cleanup.push(() => server.close());
  const agent = slowConnectingAgent(300);
  cleanup.push(() => agent.close());
  const h = deliveryHarness({ clock: systemClock, send: createHttpSender(agent) });
  cleanup.push(() => h.close());
  for (let i = 0; i < 4; i++)
    h.service.send({
      request: { method: 'POST', url: `${server.url}/r/${i}`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
      ratePerMinute: 300, // one per 200 ms
    } as never);
  h.service.start();
  await until(() => (server.arrivedAt.length === 4 ? true : undefined));
  const gaps = server.arrivedAt.slice(1).map((t, i) => t - server.arrivedAt[i]!);
  // Spacing slots from when each attempt started put the receiver's arrivals 100 ms apart here: the first waited
  // 300 ms for its connection, the third reused it at once. The receiver shares a loaded test machine, so its
  // arrival times are allowed 50 ms of scheduling jitter.
  expect(Math.min(...gaps), `gaps ${gaps.map((g) => g.toFixed(1)).join(', ')} ms`).toBeGreaterThan(150);
});
