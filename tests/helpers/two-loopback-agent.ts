import { createServer, type AddressInfo, type LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { afterEach } from 'vitest';

/**
 * `localhost` resolves to ::1 and 127.0.0.1 on most machines: Node then tries every address and, when all refuse,
 * fails with an AggregateError whose own message is empty. This resolver gives those two loopback addresses for any
 * name, standing in for a machine's own (this one's hosts file may list only 127.0.0.1).
 */
const twoLoopbackAddresses: LookupFunction = (_host, _options, callback) =>
  (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
    { address: '::1', family: 6 },
    { address: '127.0.0.1', family: 4 },
  ]);

/** Makes an undici Agent resolving every name to ::1 then 127.0.0.1, trying both; closed after each test. */
export function useTwoLoopbackAgent(): () => Agent {
  let agent: Agent | undefined;
  afterEach(async () => {
    await agent?.close();
    agent = undefined;
  });
  return () => {
    agent = new Agent({ connect: { lookup: twoLoopbackAddresses, autoSelectFamily: true } });
    return agent;
  };
}

/** A port nothing listens on: one the system just gave out, closed again. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
