import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('a "last 5m" window', () => {
  const s = useUiSession();

  it('moves forward with the clock: captures that age out leave the list and the count', async () => {
    const { page } = s;
    // Page timers from here on run on a clock the test moves; the engine keeps real time.
    await page.clock.install();
    await page.reload();
    await page.locator('.status-bar .conn-open').waitFor();
    await send(s.app.receiverUrl, '/aging', { method: 'POST', body: 'x' });
    await page.evaluate(() => (window.location.hash = 'since=5m'));
    await row(page, '/aging').waitFor();
    expect(await page.getByTestId('result-count').innerText()).toBe('1 capture match');
    await page.clock.fastForward('06:00');
    await eventually(async () => expect(await row(page, '/aging').count()).toBe(0));
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('0 captures match'),
    );
  });
});
