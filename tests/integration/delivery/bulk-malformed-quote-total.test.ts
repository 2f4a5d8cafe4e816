import { describe, expect, it } from 'vitest';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';

const live = useLiveHarnessAndServer();

describe('a bulk send whose CSV has a quote left open mid-file', () => {
  it('counts only the rows read in its total, and names the bad row once', async () => {
    live.server = await cueServer(() => ({ status: 200 }));
    live.h = deliveryHarness();
    live.h.service.start();
    const job = await live.h.service.startBulk({
      template: { method: 'POST', url: `${live.server.url}/row/[a]`, headers: [], body: 'b=[b]' },
      rows: { content: 'a,b,c\n1,2,3\n3,4,5\n5,"x"y,z\n7,8,9\n', format: 'csv' },
      batchSize: 10,
      concurrency: 1,
      policy: 'none',
    } as never);
    await live.h.drain(10);
    const done = live.h.service.bulk.progress(job.jobId);
    expect(done.total).toBe(3);
    expect(done.counts).toMatchObject({ succeeded: 2, skipped: 1 });
    expect(done.rowErrors).toEqual([
      {
        row: 3,
        message:
          'row 3: quoted field unterminated (it runs to the end of the file, so no later line is read)',
      },
    ]);
    expect(live.server.received.map((r) => r.url).sort()).toEqual(['/row/1', '/row/3']);
  });
});
