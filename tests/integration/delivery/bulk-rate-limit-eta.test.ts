import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

let h: ReturnType<typeof deliveryHarness> | undefined;
let server: Awaited<ReturnType<typeof cueServer>> | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

it("a bulk send's rate and ETA never beat its own rate limit (one row sent at once read as hundreds a second)", async () => {
  server = await cueServer(() => ({ status: 200 }));
  h = deliveryHarness();
  h.service.start();
  const job = await h.service.startBulk({
    template: { method: 'POST', url: `${server.url}/bulk/[N]`, headers: [], body: '[N]' },
    rows: { content: ['N', ...Array.from({ length: 20 }, (_, i) => String(i))].join('\n'), format: 'csv' },
    batchSize: 100,
    policy: 'none',
    ratePerMinute: 1,
  } as never);
  await h.settle();
  const progress = h.service.bulk.progress(job.jobId);
  expect(progress.counts.succeeded).toBe(1);
  expect(progress.ratePerSecond).toBe(0.02);
  expect(progress.etaMs).toBe(19 * 60_000);
});
