import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

// A target's rate limit belongs to its origin: an unlimited manual send to it must not go out in the same second as a
// row of a bulk send limited to 1 a second. With batches of one row, the manual send is queued between the bulk's
// rows (it slipped in right after one); with batches of 100, after all of them (it went out with the last one).
it.each([1, 100])(
  'an unlimited send to an origin with a bulk send at 60 a minute queued (batches of %i) is paced with it',
  async (batchSize) => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const h = deliveryHarness();
    cleanup.push(() => h.close());
    h.service.start();
    await h.service.startBulk({
      template: { method: 'POST', url: `${server.url}/bulk/[N]`, headers: [], body: '[N]' },
      rows: { content: 'N\n1\n2\n3', format: 'csv' },
      batchSize,
      policy: 'none',
      ratePerMinute: 60,
    } as never);
    await h.settle();
    expect(server.received.map((r) => r.url)).toEqual(['/bulk/1']);
    h.service.send({
      request: { method: 'POST', url: `${server.url}/manual`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
    } as never);
    await h.settle();
    expect(server.received.map((r) => r.url)).toEqual(['/bulk/1']);
    for (let second = 1; second <= 3; second++) {
      h.clock.advance(1000);
      await h.settle();
      expect(server.received, `requests sent by second ${second}`).toHaveLength(second + 1);
    }
    expect(server.received.map((r) => r.url).sort()).toEqual(['/bulk/1', '/bulk/2', '/bulk/3', '/manual']);
  },
);
