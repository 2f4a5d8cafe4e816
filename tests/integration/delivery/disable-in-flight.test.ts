import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { deliveryHarness, until } from './helpers';

const cleanup = useCleanup();

/** Answers the first request 410 at once and holds the second until `release` answers it 503. */
async function goneThenUnavailable() {
  const held: ServerResponse[] = [];
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (requests++ === 0) res.writeHead(410).end('gone');
      else held.push(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    held,
    release: () => held.splice(0).forEach((res) => res.writeHead(503).end('busy')),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('Standard Webhooks: a 410 disables the URL for deliveries in flight at the time', () => {
  it('a delivery whose attempt was out when the 410 came, then answered 503, ends disabled, not retried', async () => {
    const target = await goneThenUnavailable();
    cleanup.push(() => target.close());
    const h = deliveryHarness();
    cleanup.push(() => h.close());
    const send = () =>
      h.service.send({
        request: { method: 'POST', url: target.url, headers: [], bodyBase64: '' },
        type: 'manual',
        policy: 'standard',
        concurrency: 2,
      } as never).id;
    const ids = [send(), send()];
    h.service.start();
    await until(() => (target.held.length === 1 ? true : undefined));
    await until(() => (ids.some((id) => h.service.get(id).state === 'disabled') ? true : undefined));
    target.release();
    await h.settle();

    for (const id of ids) expect(h.service.get(id).state).toBe('disabled');
    expect(h.service.queue.store.nextDueAt()).toBeNull();
    const late = ids.map((id) => h.service.get(id)).find((d) => d.attemptList[0]!.status === 503)!;
    expect(late.attemptList).toHaveLength(1);
    expect(late.lastError).toMatch(/disabled by HTTP 410/);
  });
});
