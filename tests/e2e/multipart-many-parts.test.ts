import { beforeEach, describe, expect, it } from 'vitest';
import { openTab, selectCapture, send, useUiSession } from './support/ui';

/** Parts laid out at first and added per "Show more parts". */
const PARTS_CHUNK = 20;

describe('a multipart body of 200 large text parts', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
  });

  it('lays out the first parts only and shows more on asking', async () => {
    const { page } = s;
    let body = '';
    for (let i = 0; i < 200; i++)
      body += `--B\r\nContent-Disposition: form-data; name="field-${i}"\r\nContent-Type: text/plain\r\n\r\n${String(i % 10).repeat(66_000)}\r\n`;
    body += '--B--\r\n'; // about 13 MB
    await send(s.app.receiverUrl, '/multipart-200', {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=B' },
    });
    // Reported, not asserted: the longest main-thread task while the capture opens.
    await page.evaluate(`(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
    })()`);
    await selectCapture(page, '/multipart-200');
    await openTab(page, 'body');
    const parts = page.getByTestId('multipart-part');
    await parts.first().waitFor();
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const longTasks = (await page.evaluate('window.__longTasks')) as number[];
    console.log(
      `longest task opening a 200-part multipart body: ${longTasks.length ? `${Math.max(...longTasks).toFixed(0)} ms` : 'none over 50 ms'}`,
    );

    expect(await parts.count()).toBe(PARTS_CHUNK);
    expect(await page.getByTestId('multipart-partial').innerText()).toContain(
      `Showing ${PARTS_CHUNK} of 200 parts`,
    );
    expect(await parts.first().locator('.part-name').innerText()).toBe('field-0');
    await page.getByRole('button', { name: 'Show more parts' }).click();
    await expect.poll(() => parts.count()).toBe(2 * PARTS_CHUNK);
    expect(
      await parts
        .nth(2 * PARTS_CHUNK - 1)
        .locator('.part-name')
        .innerText(),
    ).toBe(`field-${2 * PARTS_CHUNK - 1}`);
  });
});
