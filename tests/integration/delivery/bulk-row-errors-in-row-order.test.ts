import { expect, it } from 'vitest';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';

const live = useLiveHarnessAndServer();

// Errors found reading the file were listed before those found building each batch (row 7 before row 3), and with
// the 100-error cap the file's late rows pushed out the batches' early ones.
async function bulkErrors(rows: unknown[]) {
  live.server = await cueServer(() => ({ status: 200 }));
  live.h = deliveryHarness();
  live.h.service.start();
  const job = await live.h.service.startBulk({
    template: { method: 'POST', url: `${live.server.url}/b`, headers: [['X-Tag', '[Tag]']], body: '' },
    rows: { content: JSON.stringify(rows), format: 'json' },
    batchSize: 100,
    concurrency: 10,
    policy: 'none',
  } as never);
  await live.h.drain(rows.length);
  return live.h.service.bulk.progress(job.jobId);
}

const good = { Tag: 'ok' };
const unsendable = { Tag: 'a\u0001b' };

it('lists a bad row found building a batch before a later row that could not be read', async () => {
  const progress = await bulkErrors([good, good, unsendable, good, good, good, 7, good]);

  expect(progress.rowErrors.map((e) => e.row)).toEqual([3, 7]);
});

it('keeps the earliest rows under the cap of 100', async () => {
  // Rows 1–50 cannot be sent, rows 51–200 are no objects: the list is rows 1–100, the other 100 counted.
  const rows = [...Array<unknown>(50).fill(unsendable), ...Array<unknown>(150).fill(0), good];
  const progress = await bulkErrors(rows);

  expect(progress.counts).toMatchObject({ succeeded: 1, skipped: 200, pending: 0 });
  expect(progress.rowErrors.map((e) => e.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  expect(progress.rowErrorsOmitted).toBe(100);
});
