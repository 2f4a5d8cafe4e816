import { describe, expect, it } from 'vitest';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';

const live = useLiveHarnessAndServer();

const csv = (n: number) => ['N', ...Array.from({ length: n }, (_, i) => String(i + 1))].join('\n');
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('a bulk send whose disk fills while it enqueues a batch', () => {
  it('waits, keeping its rows and deliveries, and goes on from its cursor once there is room', async () => {
    live.server = await cueServer(() => ({ status: 200 }));
    live.h = deliveryHarness();
    live.h.service.start();
    const { jobId } = await live.h.service.startBulk({
      template: { method: 'POST', url: `${live.server.url}/bulk/[N]`, headers: [], body: '{"n":[N]}' },
      rows: { content: csv(3_000), format: 'csv' },
      batchSize: 2_000,
      ratePerMinute: 1,
      policy: 'none',
    } as never);
    const partway = live.h.service.bulk.progress(jobId).enqueued;
    expect(partway).toBeLessThan(2_000);

    // The disk is full: the database cannot grow.
    live.h.db.pragma(`max_page_count = ${live.h.db.pragma('page_count', { simple: true }) as number}`);
    await turns(20);
    const waiting = live.h.service.bulk.progress(jobId);
    expect(waiting.state).toBe('running');
    expect(waiting.counts.cancelled).toBe(0);
    expect(waiting.rowErrors).toEqual([]);

    // Room again: the retry goes on from the cursor, each row queued once and in order.
    live.h.db.pragma('max_page_count = 1073741823');
    live.h.clock.advance(60_000);
    for (let i = 0; i < 200 && live.h.service.bulk.progress(jobId).enqueued < 2_000; i++) await turns(1);
    expect(live.h.service.bulk.progress(jobId).state).toBe('running');
    const rows = live.h.db
      .prepare('SELECT bulk_row FROM deliveries WHERE bulk_job_id = ? ORDER BY id')
      .pluck()
      .all(jobId);
    expect(rows).toEqual(Array.from({ length: 2_000 }, (_, i) => i + 1));
  });
});
