import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

let h: ReturnType<typeof deliveryHarness> | undefined;
let server: Awaited<ReturnType<typeof cueServer>> | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

it("a bulk send's rate and ETA leave out the time it was paused", async () => {
  server = await cueServer(() => ({ status: 200 }));
  h = deliveryHarness();
  h.service.start();
  const job = await h.service.startBulk({
    template: { method: 'POST', url: `${server.url}/bulk/[N]`, headers: [], body: '[N]' },
    rows: { content: ['N', ...Array.from({ length: 10 }, (_, i) => String(i))].join('\n'), format: 'csv' },
    batchSize: 100,
    policy: 'none',
    ratePerMinute: 60,
  } as never);
  await h.settle();
  h.clock.advance(1000);
  await h.settle();
  const before = h.service.bulk.pause(job.jobId);
  expect(before.counts.succeeded).toBe(2);
  expect(before.ratePerSecond).toBe(1);

  h.clock.advance(3_600_000);
  const paused = h.service.bulk.progress(job.jobId);
  expect([paused.ratePerSecond, paused.etaMs]).toEqual([before.ratePerSecond, before.etaMs]);
  const resumed = h.service.bulk.resume(job.jobId);
  expect([resumed.ratePerSecond, resumed.etaMs]).toEqual([before.ratePerSecond, before.etaMs]);

  // Stopped while paused: the pause up to the stop is left out as well.
  h.service.bulk.pause(job.jobId);
  h.clock.advance(3_600_000);
  expect(h.service.bulk.stop(job.jobId).ratePerSecond).toBe(before.ratePerSecond);
});
