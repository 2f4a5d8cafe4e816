import { createServer, type AddressInfo, type LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { afterEach, expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';

let agent: Agent | undefined;
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

/**
 * `localhost` resolves to ::1 and 127.0.0.1 on most machines: Node then tries every address and, when all refuse,
 * fails with an AggregateError whose own message is empty. A resolver giving those two loopback addresses for another
 * name stands in for a machine's own (this one's hosts file may list only 127.0.0.1).
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

it('a host whose every address refuses the connection says so, naming the addresses tried', async () => {
  const port = await closedPort();
  agent = new Agent({ connect: { lookup: twoAddresses, autoSelectFamily: true } });
  const result = await createHttpSender(agent)(
    {
      method: 'POST',
      url: `http://target.test:${port}/hook`,
      headers: [],
      body: Buffer.from('x'),
      timeoutMs: 10_000,
    },
    new AbortController().signal,
  );
  expect(result.status).toBeNull();
  // Each address's own error, in the order tried (the ::1 one may differ where IPv6 is off).
  expect(result.error).toMatch(/^ECONNREFUSED connect \S+ ::1:\d+; connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  expect(result.error).toContain(`127.0.0.1:${port}`);
});
