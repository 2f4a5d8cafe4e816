import { describe, expect, it } from 'vitest';
import { openTab, selectCapture, send, useUiSession } from './support/ui';

// A form body's keys are the sender's: its Nested view must not write to the page's Object.prototype.
describe('the Nested view of a hostile form body', () => {
  const s = useUiSession();

  it('shows __proto__ keys as fields and leaves Object.prototype alone', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/form-proto', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a[][__proto__][polluted]=yes&b[][constructor][prototype][p2]=yes2&c[x]=1',
    });
    await selectCapture(page, '/form-proto');
    await openTab(page, 'body');
    await page.locator('.form-view .segmented button', { hasText: 'Nested' }).click();
    await page.getByTestId('form-nested').waitFor();
    expect(
      await page.evaluate(() => {
        const probe = {} as Record<string, unknown>;
        return [typeof probe.polluted, typeof probe.p2];
      }),
    ).toEqual(['undefined', 'undefined']);
    await expect.poll(() => page.getByTestId('form-nested').innerText()).toContain('__proto__');
  });
});
