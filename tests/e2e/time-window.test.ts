import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('a "last …" time window', () => {
  const s = useUiSession();

  /** A fresh page on a clock the test moves (the engine keeps real time), one capture, and the window chosen. */
  async function captureUnder(since: string, path: string) {
    const { page } = s;
    await page.clock.install();
    await page.reload();
    await page.locator('.status-bar .conn-open').waitFor();
    await send(s.app.receiverUrl, path, { method: 'POST', body: 'x' });
    await page.evaluate((hash) => (window.location.hash = hash), `since=${since}`);
    await row(page, path).waitFor();
    return page;
  }

  it('moves forward with the clock: captures that age out leave the list and the count', async () => {
    const page = await captureUnder('5m', '/aging');
    // The row can show from the live feed before the window's own count is read.
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('1 capture matches'),
    );
    await page.clock.fastForward('06:00');
    await eventually(async () => expect(await row(page, '/aging').count()).toBe(0));
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('0 captures match'),
    );
  });

  it('a "last 1h" window moves a tenth of an hour at a time, not every 30 s (each move reloads the list)', async () => {
    const page = await captureUnder('1h', '/hour-old');
    // The row can show from the live feed before the window's own first load: let that load finish first.
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toMatch(/match$/),
    );
    await page.waitForTimeout(500);
    let listCalls = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/rpc') && (r.postData() ?? '').includes('"captures.list"')) listCalls++;
    });
    await page.clock.fastForward('05:00');
    await page.waitForTimeout(300);
    expect(listCalls).toBe(0);
    await page.clock.fastForward('01:05:00');
    await eventually(async () => expect(await row(page, '/hour-old').count()).toBe(0));
    expect(listCalls).toBeGreaterThan(0);
  });
});
