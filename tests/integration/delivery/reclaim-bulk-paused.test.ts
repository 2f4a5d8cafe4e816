import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness, restartAfterCrash } from './helpers';

type Harness = ReturnType<typeof deliveryHarness>;
const cleanup = useCleanup();

/** A bulk send of two rows, queued but not sent yet (the queue is not started), then paused or stopped. */
async function bulkThen(h: Harness, url: string, control: 'pause' | 'stop') {
  const job = await h.service.startBulk({
    template: { method: 'POST', url: `${url}/bulk/[N]`, headers: [], body: 'n=[N]' },
    rows: { content: 'N\n1\n2\n', format: 'csv' },
    batchSize: 100,
    concurrency: 1,
    policy: 'none',
  } as never);
  const ids = (
    h.db.prepare('SELECT id FROM deliveries WHERE bulk_job_id = ? ORDER BY id').all(job.jobId) as Array<{
      id: number;
    }>
  ).map((r) => r.id);
  expect(ids).toHaveLength(2);
  h.service.bulk[control](job.jobId);
  return { jobId: job.jobId, ids };
}

it.each([
  ['paused', 'pause', 'held'],
  ['stopped', 'stop', 'cancelled'],
] as const)(
  'a bulk row in flight at a crash after its send was %s is reclaimed as the others are, not sent again',
  async (_done, control, expected) => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a = deliveryHarness();
    const { ids } = await bulkThen(a, server.url, control);
    // The first row was on its way when the send was paused or stopped, and the engine was killed before it ended.
    const b = await restartAfterCrash(a, ids[0]!, -1);
    cleanup.push(() => b.close());
    await b.drain();
    const row = b.service.get(ids[0]!);
    expect(row.attemptList.map((x) => x.outcome)).toEqual(['interrupted']);
    expect(row.state).toBe(expected);
    expect(b.service.get(ids[1]!).state).toBe(expected);
    expect(server.received).toHaveLength(0);
  },
);
