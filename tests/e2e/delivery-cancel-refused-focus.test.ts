import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element's tag and text, and whether it sits in the delivery detail. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const inDetail = el?.closest('.delivery-detail') ? ' in detail' : '';
    return `${el?.tagName ?? ''} ${el?.textContent?.trim() ?? ''}${inDetail}`;
  });

describe('a Cancel the engine refuses because the delivery succeeded meanwhile, by keyboard', () => {
  let failing: Server;
  let base: string;
  beforeAll(async () => {
    // Down for the first attempt, up for the next.
    let answered = 0;
    failing = createServer((req, res) => {
      req.resume();
      req.on('end', () => (answered++ === 0 ? res.writeHead(500).end('down') : res.writeHead(200).end('up')));
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => failing.close(() => resolve())));

  it('announces the refusal and keeps the focus in the detail', async () => {
    const { page, app } = s;
    // Ortto waits 5 min after a failed first attempt: the delivery stays pending, so Cancel is open.
    const sent = await app.rpc<{ id: number }>('deliveries.send', {
      request: { method: 'POST', url: `${base}/cancel-refused`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'ortto',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    await page.locator('.view-tab[data-view="deliveries"]').click();
    const row = page
      .getByRole('table', { name: 'Delivery log' })
      .locator('tbody tr', { hasText: '/cancel-refused' });
    await eventually(async () => expect(await row.count()).toBe(1));
    await row.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('.delivery-detail');
    const cancel = detail.getByRole('button', { name: 'Cancel', exact: true });
    await eventually(async () => expect(await cancel.isEnabled()).toBe(true));

    // The page's Cancel reaches the engine only after another client's Retry now has succeeded.
    let reached = () => {};
    const cancelSent = new Promise<void>((resolve) => (reached = resolve));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/rpc', async (route) => {
      if (!route.request().postData()?.includes('"deliveries.cancel"')) return route.continue();
      reached();
      await released;
      await route.continue();
    });
    try {
      await cancel.focus();
      await page.keyboard.press('Enter');
      await cancelSent;
      const elsewhere = await app.rpc('deliveries.retryNow', { id: sent.value.id });
      if (!elsewhere.ok) throw new Error(elsewhere.error.message);
      await eventually(async () => expect(await detail.locator('.pill').innerText()).toBe('succeeded'));
    } finally {
      release();
    }
    const alert = detail.getByRole('alert');
    await eventually(async () => expect(await alert.innerText()).toContain('already succeeded'));
    await eventually(async () => expect(await focused()).toBe('BUTTON Retry now in detail'));
  });
});
