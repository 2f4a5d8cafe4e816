import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('the attempt timeline for a screen reader', () => {
  let failing: Server;
  let base: string;
  beforeAll(async () => {
    failing = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(500).end('down'));
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => failing.close(() => resolve())));

  it('is an image named by its attempts: count, answers, outcomes and waits', async () => {
    const { page, app } = s;
    const sent = await app.rpc<{ id: number }>('deliveries.send', {
      request: { method: 'POST', url: `${base}/timeline`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'custom',
      customWaitsMs: [20, 30],
    });
    if (!sent.ok) throw new Error(sent.error.message);
    await eventually(async () => {
      const got = await app.rpc<{ state: string }>('deliveries.get', { id: sent.value.id });
      expect(got.ok && got.value.state).toBe('failed');
    });
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page
      .getByRole('table', { name: 'Delivery log' })
      .locator('tbody tr', { hasText: '/timeline' })
      .first()
      .click();
    const chart = page.locator('.delivery-detail .delivery-timeline');
    await eventually(async () => expect(await chart.getAttribute('role')).toBe('img'));
    expect(await chart.getAttribute('aria-label')).toMatch(
      /^Attempt timeline, 3 attempts: #1 500 \(retry, next in [^)]+\); #2 500 \(retry, next in [^)]+\); #3 500 \(failed\)$/,
    );
    expect(await page.getByRole('img', { name: /^Attempt timeline, 3 attempts/ }).count()).toBe(1);
  });
});
