import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness, removeDir } from './helpers';

type Harness = ReturnType<typeof deliveryHarness>;
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

it.each([
  ['stopped', false],
  ['killed', true],
] as const)(
  "a running bulk send's rate and ETA leave out the hour the engine was %s",
  async (_how, killed) => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a: Harness = deliveryHarness();
    cleanup.push(async () => removeDir(a.dataDir));
    a.service.start();
    const job = await a.service.startBulk({
      template: { method: 'POST', url: `${server.url}/bulk/[N]`, headers: [], body: '[N]' },
      rows: { content: ['N', ...Array.from({ length: 10 }, (_, i) => String(i))].join('\n'), format: 'csv' },
      batchSize: 100,
      policy: 'none',
      ratePerMinute: 60,
    } as never);
    await a.settle();
    a.clock.advance(1000);
    await a.settle();
    const before = a.service.bulk.progress(job.jobId);
    expect([before.state, before.counts.succeeded, before.ratePerSecond]).toEqual(['running', 2, 1]);

    await a.service.close();
    // A killed engine records no stop: what it leaves is the job as it was while running.
    if (killed) a.db.prepare('UPDATE bulk_jobs SET paused_at_ms = NULL').run();
    a.db.close();
    const b: Harness = deliveryHarness({}, { dataDir: a.dataDir });
    cleanup.push(() => b.close());
    b.clock.advance(a.clock.now() + 3_600_000 - b.clock.now());
    b.service.start();
    const after = b.service.bulk.progress(job.jobId);
    expect(after.state).toBe('running');
    expect([after.ratePerSecond, after.etaMs]).toEqual([before.ratePerSecond, before.etaMs]);
  },
);
