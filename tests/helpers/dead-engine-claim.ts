import { expect } from 'vitest';
import { useCleanup } from './cleanup';
import { cueServer, deliveryHarness, removeDir } from '../integration/delivery/helpers';

/**
 * A delivery a crashed engine left in flight: queued to a cue server answering 200, claimed by an engine that then
 * died (its lease ending a second after the claim), and a new engine on the same data started `restartAfterMs` after
 * the claim and run until its queue is empty. Everything is closed, and the data dir removed, after each test.
 */
export function useDeadEngineClaim() {
  const cleanup = useCleanup();
  return async function restartedAfterDeadClaim(
    delivery: { policy: string; ontraport?: unknown },
    restartAfterMs: number,
  ) {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a = deliveryHarness();
    const t0 = a.clock.now();
    const { id } = a.service.send({
      request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
      type: 'manual',
      ...delivery,
    } as never);
    expect(a.service.queue.store.claim(id, 'dead', t0, t0 + 1000)).toBeDefined();
    await a.service.close();
    a.db.close();
    cleanup.push(async () => removeDir(a.dataDir));

    const b = deliveryHarness({}, { dataDir: a.dataDir });
    cleanup.push(() => b.close());
    b.clock.advance(t0 + restartAfterMs - b.clock.now());
    b.service.start();
    await b.drain();
    return { id, t0, service: b.service };
  };
}
