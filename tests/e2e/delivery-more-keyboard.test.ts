import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element: the table it sits in and its row's index there, or its tag and text. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const table = el?.closest('table');
    if (!table) return `${el?.tagName ?? ''} ${el?.textContent?.trim().slice(0, 40) ?? ''}`;
    const rows = [...table.querySelectorAll('tbody tr')];
    return `row ${rows.indexOf(el as HTMLTableRowElement)} of ${table.getAttribute('aria-label')}`;
  });

/** A bulk send of `count` rows to `url`, at `ratePerMinute`; resolves to its job id. */
const startBulk = async (url: string, count: number, ratePerMinute: number) => {
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const job = await s.app.rpc<{ jobId: number }>('bulk.start', {
    template: { method: 'POST', url: `${url}/[id]`, headers: [], body: 'id=[id]' },
    rows: { content: ['id', ...ids].join('\n'), format: 'csv' },
    batchSize: 500,
    concurrency: 10,
    ratePerMinute,
    policy: 'none',
  });
  if (!job.ok) throw new Error(job.error.message);
  return job.value.jobId;
};

describe('the last page of the delivery lists, loaded by keyboard', () => {
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

  it('"Load more" hands the focus to the first attempt it brought in, not to the page', async () => {
    const { page, app } = s;
    const jobId = await startBulk(`${base}/paged`, 230, 600_000);
    await eventually(async () => {
      const job = await app.rpc<{ state: string }>('bulk.get', { id: jobId });
      expect(job.ok && job.value.state).toBe('done');
    }, 30_000);
    await page.locator('.view-tab[data-view="deliveries"]').click();
    const rows = page.getByRole('table', { name: 'Delivery log' }).locator('tbody tr');
    await eventually(async () => expect(await rows.count()).toBe(200));
    await page.getByRole('button', { name: 'Load more' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await rows.count()).toBe(230));
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await eventually(async () => expect(await focused()).toBe('row 200 of Delivery log'));
  });

  it('"Show 200 more" hands the focus to the first waiting delivery it brought in, not to the page', async () => {
    const { page, app } = s;
    // One a minute: the rows wait behind the rate limit (the first may go out).
    const jobId = await startBulk(`${base}/waiting`, 230, 1);
    try {
      const rows = page.getByRole('table', { name: 'Waiting deliveries' }).locator('tbody tr');
      await eventually(async () => expect(await rows.count()).toBe(200));
      await page.getByTestId('waiting-more').focus();
      await page.keyboard.press('Enter');
      await eventually(async () => expect(await rows.count()).toBeGreaterThan(200));
      expect(await page.getByTestId('waiting-more').count()).toBe(0);
      await eventually(async () => expect(await focused()).toBe('row 200 of Waiting deliveries'));
    } finally {
      await app.rpc('bulk.stop', { id: jobId });
    }
  });
});
