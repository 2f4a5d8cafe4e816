import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('bulk send progress for a screen reader', () => {
  let target: Server;
  let base: string;
  beforeAll(async () => {
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

  it('names the progress bar with its rows and announces the job state in a live region', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Bulk send' }).click();
    const form = page.locator('.bulk-send');
    await form.getByLabel('URL').fill(`${base}/bulk?email=[Email]`);
    await form.getByLabel('Body template').fill('Email=[Email]');
    // One row a minute: the job stays running for the whole test.
    await form.getByLabel('Requests per minute').fill('1');
    const csv = ['Email', ...Array.from({ length: 20 }, (_, i) => `p${i}@example.test`)].join('\n');
    await form
      .getByLabel('Rows file')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: 'Start bulk send' }).click();

    const progress = page.getByRole('region', { name: 'Bulk progress' });
    const bar = progress.getByRole('progressbar', { name: 'Job 1 progress' });
    await eventually(async () =>
      expect(await bar.getAttribute('aria-valuetext')).toMatch(/^\d+ of 20 rows$/),
    );
    const status = progress.getByRole('status');
    await eventually(async () => expect(await status.innerText()).toBe('Job 1 · running'));
    await progress.getByRole('button', { name: 'Pause', exact: true }).click();
    await eventually(async () => expect(await status.innerText()).toBe('Job 1 · paused'));
    await progress.getByRole('button', { name: 'Stop', exact: true }).click();
    await eventually(async () => expect(await status.innerText()).toBe('Job 1 · stopped'));
  });
});
