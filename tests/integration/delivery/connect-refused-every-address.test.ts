import { expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { closedPort, useTwoLoopbackAgent } from '../../helpers/two-loopback-agent';

// `localhost` on most machines: ::1 and 127.0.0.1, every one refusing, each named in the error.
const twoLoopbackAgent = useTwoLoopbackAgent();

it('a host whose every address refuses the connection says so, naming the addresses tried', async () => {
  const port = await closedPort();
  const result = await createHttpSender(twoLoopbackAgent())(
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
