import { afterEach, describe, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

let h: ReturnType<typeof deliveryHarness> | undefined;
let server: Awaited<ReturnType<typeof cueServer>> | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

describe('a bulk send whose CSV has a quote left open mid-file', () => {
  it('counts only the rows read in its total, and names the bad row once', async () => {
    server = await cueServer(() => ({ status: 200 }));
    h = deliveryHarness();
    h.service.start();
    const job = await h.service.startBulk({
      template: { method: 'POST', url: `${server.url}/row/[a]`, headers: [], body: 'b=[b]' },
      rows: { content: 'a,b,c\n1,2,3\n3,4,5\n5,"x"y,z\n7,8,9\n', format: 'csv' },
      batchSize: 10,
      concurrency: 1,
      policy: 'none',
    } as never);
    await h.drain(10);
    const done = h.service.bulk.progress(job.jobId);
    expect(done.total).toBe(3);
    expect(done.counts).toMatchObject({ succeeded: 2, skipped: 1 });
    expect(done.rowErrors).toEqual([
      {
        row: 3,
        message:
          'row 3: quoted field unterminated (it runs to the end of the file, so no later line is read)',
      },
    ]);
    expect(server.received.map((r) => r.url).sort()).toEqual(['/row/1', '/row/3']);
  });
});
