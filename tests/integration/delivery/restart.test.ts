import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness, restartAfterCrash } from './helpers';

type Harness = ReturnType<typeof deliveryHarness>;
const cleanup = useCleanup();

function enqueue(h: Harness, url: string, count: number) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      h.service.send({
        request: { method: 'POST', url, headers: [], bodyBase64: Buffer.from(`row ${i}`).toString('base64') },
        type: 'manual',
        policy: 'custom',
        customWaitsMs: [10],
        concurrency: 4,
      } as never).id,
    );
  }
  return ids;
}

function perDelivery(received: Array<{ delivery: string }>) {
  const counts = new Map<string, number>();
  for (const r of received) counts.set(r.delivery, (counts.get(r.delivery) ?? 0) + 1);
  return counts;
}

describe('the queue survives restart', () => {
  it('an engine closed mid-queue is resumed by a second engine over the same database: no duplicates, no losses', async () => {
    const server = await cueServer(() => ({ status: 200, delayMs: 5 }));
    cleanup.push(() => server.close());
    const a = deliveryHarness();
    const ids = enqueue(a, server.url, 60);
    a.service.start();
    while (server.received.length < 15) await new Promise((r) => setTimeout(r, 2));
    await a.service.close(5000); // in-flight attempts finish and are recorded; the rest stay pending
    const sentByA = server.received.length;
    expect(sentByA).toBeLessThan(60);
    a.db.close();

    const b = deliveryHarness({}, { dataDir: a.dataDir, removeOnClose: true });
    cleanup.push(() => b.close());
    b.service.start();
    await b.drain();
    const counts = perDelivery(server.received);
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const id of ids) {
      const d = b.service.get(id);
      expect(d.state).toBe('succeeded');
      expect(d.attemptList).toHaveLength(1);
    }
  });

  it('two live engines racing over one database send each delivery exactly once', async () => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a = deliveryHarness();
    const ids = enqueue(a, server.url, 200);
    const b = deliveryHarness({}, { dataDir: a.dataDir, removeOnClose: true });
    cleanup.push(() => b.close());
    a.service.start();
    b.service.start();
    await Promise.all([a.drain(), b.drain()]);
    const counts = perDelivery(server.received);
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const attempts = a.db.prepare('SELECT COUNT(*) AS n FROM delivery_attempts').get() as { n: number };
    expect(attempts.n).toBe(200);
    expect(ids.every((id) => a.service.get(id).state === 'succeeded')).toBe(true);
    await a.service.close();
    a.db.close();
  });

  it('a row left in flight by a crashed engine is logged as interrupted and sent again once its lease expires', async () => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a = deliveryHarness();
    const [id] = enqueue(a, server.url, 1);
    // Lease not yet expired when the next engine starts.
    const b = await restartAfterCrash(a, id!, 60_000);
    cleanup.push(() => b.close());
    await b.settle();
    expect(server.received).toHaveLength(0); // the lease still holds
    b.clock.advance(60_001);
    await b.drain();
    const d = b.service.get(id!);
    expect(d.attemptList.map((x) => x.outcome)).toEqual(['interrupted', 'success']);
    expect(server.received).toHaveLength(1);
  });

  it('closing while an attempt stalls interrupts it after the grace period; it stays due and keeps its retries', async () => {
    const server = await cueServer((n) => (n === 0 ? { stall: true } : { status: 200 }));
    cleanup.push(() => server.close());
    const a = deliveryHarness();
    const [id] = enqueue(a, server.url, 1);
    a.service.start();
    while (server.received.length < 1) await new Promise((r) => setTimeout(r, 2));
    await a.service.close(50);
    const interrupted = a.service.get(id!);
    expect(interrupted.state).toBe('pending');
    expect(interrupted.attemptList.map((x) => x.outcome)).toEqual(['interrupted']);
    expect(interrupted.maxAttempts).toBe(3); // custom [10] = 2 attempts, plus the interrupted one
    a.db.close();
    const b = deliveryHarness({}, { dataDir: a.dataDir, removeOnClose: true });
    cleanup.push(() => b.close());
    b.service.start();
    await b.drain();
    expect(b.service.get(id!).attemptList.map((x) => x.outcome)).toEqual(['interrupted', 'success']);
  });
});
