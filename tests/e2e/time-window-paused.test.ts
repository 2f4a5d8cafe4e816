import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('a paused list under a "last …" time window', () => {
  const s = useUiSession();

  it('holds while the window would move, and resuming brings the window up to now', async () => {
    const { page } = s;
    // The page's clock is moved by the test; the engine keeps real time.
    await page.clock.install();
    await page.reload();
    await page.locator('.status-bar .conn-open').waitFor();
    await send(s.app.receiverUrl, '/aging', { method: 'POST', body: 'x' });
    await page.evaluate(() => (window.location.hash = 'since=5m'));
    await row(page, '/aging').waitFor();
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('1 capture matches'),
    );

    const toggle = page.getByTestId('live-toggle');
    await toggle.click();
    await send(s.app.receiverUrl, '/while-paused', { method: 'POST', body: 'x' });
    await eventually(async () => expect(await toggle.innerText()).toContain('1 new'));
    // Past the window's 30 s step: a moving window reloaded the list, showing what was held and dropping the count.
    await page.clock.fastForward('01:00');
    await send(s.app.receiverUrl, '/later', { method: 'POST', body: 'x' });
    await eventually(async () => expect(await toggle.innerText()).toContain('2 new'));
    expect(await row(page, '/while-paused').count()).toBe(0);
    expect(await row(page, '/later').count()).toBe(0);

    await toggle.click();
    await row(page, '/while-paused').waitFor();
    await row(page, '/later').waitFor();
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('3 captures match'),
    );

    // Paused past the window's length: everything stays until the list resumes, then the window is current again.
    await toggle.click();
    await page.clock.fastForward('06:00');
    await send(s.app.receiverUrl, '/held-again', { method: 'POST', body: 'x' });
    await eventually(async () => expect(await toggle.innerText()).toContain('1 new'));
    expect(await row(page, '/aging').count()).toBe(1);
    await toggle.click();
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('0 captures match'),
    );
    expect(await page.locator('.row[data-capture-id]').count()).toBe(0);
  });
});
