import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { deliveryHarness } from './helpers';

let h: ReturnType<typeof deliveryHarness> | undefined;
let server: Server | undefined;
afterEach(async () => {
  await h?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  h = server = undefined;
});

/** Answers with `status` and a promised 100-byte body, writes part of it, then drops the connection. */
async function cutOffServer(status: number) {
  let requests = 0;
  server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': '100' });
      res.write('accepted', () => res.socket?.destroy());
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, requests: () => requests };
}

async function deliver(url: string) {
  h = deliveryHarness();
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url, headers: [], bodyBase64: Buffer.from('{"a":1}').toString('base64') },
    type: 'manual',
    policy: 'ortto',
  } as never);
  await h.drain(0);
  return h.service.get(id);
}

it('a 200 whose body is cut off is delivered: its status is logged, and the target is not sent it again', async () => {
  const target = await cutOffServer(200);
  const detail = await deliver(target.url);
  expect(detail.state).toBe('succeeded');
  expect(target.requests()).toBe(1);
  const [attempt] = detail.attemptList;
  expect(attempt!.status).toBe(200);
  expect(attempt!.outcome).toBe('success');
  // Named with its status, as every error with one is (the composer shows the error in place of the status).
  expect(attempt!.error).toMatch(/^HTTP 200; the answer's body was cut off: /);
  expect(detail.lastError).toBe(attempt!.error);
  expect(Buffer.from(attempt!.responseBodyBase64, 'base64').toString()).toBe('accepted');
  expect(attempt!.responseHeaders).toContainEqual(['content-length', '100']);
});

it('a 401 whose body is cut off fails at once under Ortto, as any 401 does', async () => {
  const target = await cutOffServer(401);
  const detail = await deliver(target.url);
  expect(detail.state).toBe('failed');
  expect(target.requests()).toBe(1);
  expect(detail.attemptList.map((a) => a.status)).toEqual([401]);
  expect(detail.lastError).toMatch(/^HTTP 401: Ortto never retries .*; the answer's body was cut off: /);
});
