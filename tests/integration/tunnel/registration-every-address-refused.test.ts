import { createServer, type AddressInfo, type LookupFunction } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, expect, it } from 'vitest';
import { createLocaltunnelProvider } from '../../../electron/engine/tunnel/localtunnel-provider';

let agent: Agent | undefined;
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

/**
 * A tunnel server named `localhost` resolves to ::1 and 127.0.0.1 on most machines: when both refuse, the connection
 * fails with an AggregateError whose own message is empty. A resolver giving those two loopback addresses stands in
 * for the machine's own (this one's hosts file may list only 127.0.0.1).
 */
const twoAddresses: LookupFunction = (_host, _options, callback) =>
  (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
    { address: '::1', family: 6 },
    { address: '127.0.0.1', family: 4 },
  ]);

/** A port nothing listens on: one the system just gave out, closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('a tunnel server whose every address refuses names each address’s error, not an empty one', async () => {
  const port = await closedPort();
  agent = new Agent({ connect: { lookup: twoAddresses, autoSelectFamily: true } });
  const dispatcher = agent;
  const provider = createLocaltunnelProvider({
    fetch: ((url: string | URL, init?: Record<string, unknown>) =>
      undiciFetch(url, { ...init, dispatcher })) as unknown as typeof fetch,
  });
  const host = `http://tunnel.test:${port}`;
  const opened = provider.open({ host, subdomain: null, localPort: 9, signal: new AbortController().signal });
  const error = await opened.then(
    () => null,
    (e: unknown) => e as Error,
  );
  // Each address's own error, in the order tried (the ::1 one may differ where IPv6 is off).
  expect(error?.message).toMatch(
    new RegExp(
      `^cannot reach tunnel server ${host}: fetch failed \\(connect \\S+ ::1:${port}; connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`,
    ),
  );
});
