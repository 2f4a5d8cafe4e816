import { expect, it } from 'vitest';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';

const live = useLiveHarnessAndServer();

// The HTTP client refuses such a value only as the attempt is made: the row was queued and counted as a failed
// delivery ("UND_ERR_INVALID_ARG invalid X-Tag header"), not skipped with its row named as other bad rows are.
it('a row whose header value fills with a control character is skipped, naming the row, header and character', async () => {
  live.server = await cueServer(() => ({ status: 200 }));
  live.h = deliveryHarness();
  live.h.service.start();
  const rows = [
    { N: 1, Tag: 'ok' },
    { N: 2, Tag: 'a\u0001b' },
    { N: 3, Tag: 'tab\tok' },
    { N: 4, Tag: 'x\u007fy' },
  ];
  const job = await live.h.service.startBulk({
    template: { method: 'POST', url: `${live.server.url}/b/[N]`, headers: [['X-Tag', '[Tag]']], body: '' },
    rows: { content: JSON.stringify(rows), format: 'json' },
    batchSize: 100,
    concurrency: 10,
    policy: 'none',
  } as never);
  await live.h.drain(10);

  const progress = live.h.service.bulk.progress(job.jobId);
  expect(progress.counts).toMatchObject({ succeeded: 2, failed: 0, skipped: 2, pending: 0 });
  expect(progress.rowErrors).toEqual([
    { row: 2, message: 'row 2: header "X-Tag" would contain the control character U+0001' },
    { row: 4, message: 'row 4: header "X-Tag" would contain the control character U+007F' },
  ]);
  expect(live.server.received.map((r) => r.url).sort()).toEqual(['/b/1', '/b/3']);
});
