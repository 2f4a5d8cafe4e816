import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('the waiting deliveries while a rate-limited bulk send is queued', () => {
  let target: Server;
  let base: string;
  beforeAll(async () => {
    target = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

  it('shows the queued rows in the view already open, without switching views', async () => {
    const { page, app } = s;
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('table', { name: 'Delivery log' }).waitFor();
    const startBulk = async (count: number) => {
      const ids = Array.from({ length: count }, (_, i) => i + 1);
      const job = await app.rpc<{ jobId: number }>('bulk.start', {
        template: { method: 'POST', url: `${base}/queued/[id]`, headers: [], body: 'id=[id]' },
        rows: { content: ['id', ...ids].join('\n'), format: 'csv' },
        batchSize: 500,
        concurrency: 10,
        ratePerMinute: 1,
        policy: 'none',
      });
      if (!job.ok) throw new Error(job.error.message);
      return job.value.jobId;
    };
    // One a minute to this origin: the first row goes out and the second waits for the next minute's slot, so no
    // delivery event follows once the list shows it alone.
    await startBulk(2);
    const rows = page.getByRole('table', { name: 'Waiting deliveries' }).locator('tbody tr');
    await eventually(async () =>
      expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('/queued/2')]),
    );
    await eventually(async () =>
      expect(await page.getByRole('table', { name: 'Delivery log' }).locator('tbody tr').count()).toBe(1),
    );
    const jobId = await startBulk(230);
    try {
      await eventually(async () => {
        const listed = await app.rpc<{ items: unknown[] }>('deliveries.list', {
          filter: { unattempted: true, states: ['pending', 'held', 'in_flight'] },
          cursor: null,
          limit: 200,
        });
        expect(listed.ok && listed.value.items.length).toBe(200);
      });
      await eventually(async () => expect(await rows.count()).toBe(200));
    } finally {
      await app.rpc('bulk.stop', { id: jobId });
    }
  });
});
