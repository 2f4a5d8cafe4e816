import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { STANDARD_WAITS_MS } from '../../../electron/engine/delivery/retry-policy';
import { deliveryHarness, until } from './helpers';

const cleanup = useCleanup();

type Answer = { status: number } | 'reset';

/** Holds each request until `answer` settles it; with `goneFirst`, answers the first one 410 at once. */
async function holdingServer(goneFirst = false) {
  const held: ServerResponse[] = [];
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => (goneFirst && requests++ === 0 ? res.writeHead(410).end('gone') : held.push(res)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  cleanup.push(close);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    answer: (a: Answer) =>
      held
        .splice(0)
        .forEach((res) => (a === 'reset' ? res.socket?.destroy() : res.writeHead(a.status).end('x'))),
  };
}

function harness() {
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  return h;
}

describe('a delivery cancelled while its attempt is out stays cancelled, whatever the attempt does', () => {
  it.each<[string, Answer, string]>([
    ['fails (policy none: not retried)', { status: 503 }, 'failed'],
    ['is reset', 'reset', 'failed'],
    // The request did reach the target, and the log says so; the delivery still shows the user's cancel.
    ['succeeds', { status: 200 }, 'success'],
  ])(
    'the attempt %s: the row ends cancelled, the attempt logged as it went',
    async (_what, answer, outcome) => {
      const target = await holdingServer();
      const h = harness();
      const { id } = h.service.send({
        request: { method: 'POST', url: `${target.url}/held`, headers: [], bodyBase64: '' },
        type: 'manual',
        policy: 'none',
      } as never);
      h.service.start();
      await until(() => (target.held.length === 1 ? true : undefined));
      const cancelledAt = h.clock.now();
      expect(h.service.cancel(id).state).toBe('cancelled');
      target.answer(answer);
      await h.settle();

      const d = h.service.get(id);
      expect(d.state).toBe('cancelled');
      expect(h.db.prepare('SELECT finished_at_ms FROM deliveries WHERE id = ?').pluck().get(id)).toBe(
        cancelledAt,
      );
      expect(d.attemptList.map((a) => a.outcome)).toEqual([outcome]);
    },
  );
});

describe('Standard Webhooks: a delivery disabled by a 410 while its attempt is out stays disabled', () => {
  it.each<[string, Answer, string]>([
    ['its last attempt then fails', { status: 503 }, 'failed'],
    ['its attempt then succeeds', { status: 200 }, 'success'],
  ])('%s: the row ends disabled, the attempt logged as it went', async (_what, answer, outcome) => {
    const target = await holdingServer(true);
    const h = harness();
    const send = () =>
      h.service.send({
        request: { method: 'POST', url: `${target.url}/hook`, headers: [], bodyBase64: '' },
        type: 'manual',
        policy: 'standard',
        concurrency: 2,
      } as never).id;
    const ids = [send(), send()];
    // Each attempt is its schedule's last, so a failure is final rather than a retry.
    h.db.prepare('UPDATE deliveries SET policy_offset = ?').run(-STANDARD_WAITS_MS.length);
    h.service.start();
    await until(() => (target.held.length === 1 ? true : undefined));
    await until(() => (ids.some((id) => h.service.get(id).state === 'disabled') ? true : undefined));
    target.answer(answer);
    await h.settle();

    for (const id of ids) expect(h.service.get(id).state).toBe('disabled');
    const late = ids.map((id) => h.service.get(id)).find((d) => d.attemptList[0]!.status !== 410)!;
    expect(late.lastError).toMatch(/disabled by HTTP 410/);
    expect(late.attemptList.map((a) => a.outcome)).toEqual([outcome]);
  });
});
