import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

describe('an origin rate limit across an engine restart', () => {
  it('Ontraport at 2 requests a minute: sent 30 s apart, even when the engine restarts in between', async () => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a = deliveryHarness();
    const ids = [0, 1, 2].map(
      (i) =>
        a.service.send({
          request: { method: 'POST', url: `${server.url}/op/${i}`, headers: [], bodyBase64: '' },
          type: 'manual',
          policy: 'ontraport',
          ontraport: { requestsPerMinute: 2, retries: 0 },
        } as never).id,
    );
    const t0 = a.clock.now();
    a.service.start();
    await a.settle();
    expect(server.received).toHaveLength(1); // the second waits for its slot
    await a.service.close();
    a.db.close();

    const b = deliveryHarness({}, { dataDir: a.dataDir, removeOnClose: true });
    cleanup.push(() => b.close());
    b.clock.advance(t0 + 4_400 - b.clock.now());
    b.service.start();
    await b.drain();
    const startedAt = ids.map((id) => b.service.get(id).attemptList[0]!.startedAtMs - t0);
    expect(startedAt[0]).toBe(0);
    expect(startedAt[1]).toBeGreaterThanOrEqual(30_000);
    expect(startedAt[2]! - startedAt[1]!).toBeGreaterThanOrEqual(30_000);
    expect(server.received).toHaveLength(3);
  });
});
