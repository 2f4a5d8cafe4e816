import { expect, it } from 'vitest';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';
import { restartWithUnreadableRows } from './restart-with-unreadable-rows';

const live = useLiveHarnessAndServer();

it('a job stopped by an unexpected error with 100 row errors kept counts the one its reason pushed out', async () => {
  live.server = await cueServer(() => ({ status: 200 }));
  const a = deliveryHarness();
  a.service.start();
  // 120 rows with too few fields (named, skipped), then 300 good rows held back by the rate.
  const csv = [
    'id,n',
    ...Array.from({ length: 120 }, (_, i) => `bad${i}`),
    ...Array.from({ length: 300 }, (_, i) => `${i},${i}`),
  ];
  const job = await a.service.startBulk({
    template: { method: 'POST', url: `${live.server.url}/bulk/[id]`, headers: [], body: 'n=[n]' },
    rows: { content: csv.join('\n'), format: 'csv' },
    batchSize: 100,
    concurrency: 1,
    ratePerMinute: 1,
    policy: 'none',
  } as never);
  expect(job.rowErrors).toHaveLength(100);
  expect(job.rowErrorsOmitted).toBe(20);
  live.h = await restartWithUnreadableRows(a);

  const stopped = live.h.service.bulk.progress(job.jobId);
  expect(stopped.state).toBe('stopped');
  expect(stopped.rowErrors).toHaveLength(100);
  expect(stopped.rowErrors.at(-1)!.message).toMatch(/^stopped by an unexpected error/);
  // 120 rows named before: 99 kept, 21 counted.
  expect(stopped.rowErrors.filter((e) => e.row > 0).length + stopped.rowErrorsOmitted).toBe(120);
  expect(stopped.counts.skipped).toBe(120);
});
