import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

let h: ReturnType<typeof deliveryHarness> | undefined;
let server: Awaited<ReturnType<typeof cueServer>> | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

it("a finished bulk send's rate is of the time it ran: it does not fall as time passes after it ended", async () => {
  server = await cueServer(() => ({ status: 200 }));
  h = deliveryHarness();
  h.service.start();
  const job = await h.service.startBulk({
    template: { method: 'POST', url: `${server.url}/bulk/[N]`, headers: [], body: '[N]' },
    rows: { content: ['N', ...Array.from({ length: 10 }, (_, i) => String(i))].join('\n'), format: 'csv' },
    batchSize: 100,
    policy: 'none',
    ratePerMinute: 600,
  } as never);
  await h.drain(100);
  const done = h.service.bulk.progress(job.jobId);
  expect(done.state).toBe('done');
  expect(done.counts.succeeded).toBe(10);
  expect(done.ratePerSecond).toBeGreaterThan(0);
  h.clock.advance(3_600_000);
  expect(h.service.bulk.progress(job.jobId).ratePerSecond).toBe(done.ratePerSecond);
});
