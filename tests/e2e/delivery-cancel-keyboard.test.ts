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

describe('delivery detail actions by keyboard', () => {
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

  it('names every column of the attempts, and keeps the focus in the detail when Cancel disables itself', async () => {
    const { page, app } = s;
    // Ortto waits 5 min after a failed first attempt: the delivery stays pending, so Cancel is open.
    const sent = await app.rpc<{ id: number }>('deliveries.send', {
      request: { method: 'POST', url: `${base}/cancel-by-keyboard`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'ortto',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    await page.locator('.view-tab[data-view="deliveries"]').click();
    const row = page
      .getByRole('table', { name: 'Delivery log' })
      .locator('tbody tr', { hasText: '/cancel-by-keyboard' });
    await eventually(async () => expect(await row.count()).toBe(1));
    await row.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('.delivery-detail');
    const cancel = detail.getByRole('button', { name: 'Cancel', exact: true });
    await eventually(async () => expect(await cancel.isEnabled()).toBe(true));

    // Every column of the attempts table has a header a screen reader can read, the Details buttons' included.
    const headers = detail.locator('.delivery-table').getByRole('columnheader');
    await eventually(async () => expect(await headers.count()).toBe(7));
    for (let i = 0; i < 7; i++)
      expect(
        await headers.nth(i).evaluate((th) => (th.getAttribute('aria-label') ?? th.textContent ?? '').trim()),
      ).not.toBe('');
    await cancel.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await detail.locator('.pill').innerText()).toBe('cancelled'));
    expect(await cancel.isDisabled()).toBe(true);
    await eventually(async () => expect(await focused()).toBe('BUTTON Retry now in detail'));
  });
});
