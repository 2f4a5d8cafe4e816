import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { answerChunked } from '../../helpers/chunked-answer';
import { deliveryHarness } from './helpers';

const cleanup = useCleanup();

/** A target answering with `size` bytes of 'a', chunked (no Content-Length), as a streaming server does. */
async function chunkedTarget(status: number, size: number): Promise<string> {
  const server: Server = createServer((_req, res) => answerChunked(res, status, size));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/big`;
}

async function deliverTo(url: string) {
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url, headers: [], bodyBase64: 'e30=' },
    type: 'manual',
    policy: 'none',
  } as never);
  await h.drain(0);
  return h.service.get(id);
}

it.each([
  [200, 'succeeded', 'HTTP 200; '],
  [500, 'failed', 'HTTP 500 after 1 attempt (no retries left); '],
])(
  'a chunked %i answer past the read limit says its size is unknown instead of passing off the bytes read as its size',
  async (status, state, judged) => {
    const detail = await deliverTo(await chunkedTarget(status, 5 * 1024 * 1024));
    expect(detail.state).toBe(state);
    const [attempt] = detail.attemptList;
    expect(attempt!.status).toBe(status);
    expect(attempt!.responseBodyBytes).toBeGreaterThanOrEqual(1024 * 1024);
    expect(attempt!.responseBodyBytes).toBeLessThan(5 * 1024 * 1024);
    const read = attempt!.responseBodyBytes.toLocaleString('en-US');
    expect(attempt!.error).toBe(
      `${judged}reading stopped after ${read} bytes (the 1,048,576-byte read limit); the answer was longer and its full size is unknown`,
    );
    expect(detail.lastError).toBe(attempt!.error);
  },
);

it('a chunked answer under the read limit, read to its end, has its size and no note', async () => {
  const detail = await deliverTo(await chunkedTarget(200, 512 * 1024));
  const [attempt] = detail.attemptList;
  expect(attempt!.responseBodyBytes).toBe(512 * 1024);
  expect(attempt!.error).toBeNull();
  expect(detail.state).toBe('succeeded');
});
