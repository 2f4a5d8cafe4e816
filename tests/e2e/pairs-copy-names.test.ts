import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe("a header row's Copy button, to a screen reader", () => {
  const s = useUiSession();

  it('is named for the value it copies, and announces that it copied', async () => {
    const { page } = s;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await send(s.app.receiverUrl, '/copy-names', { headers: { 'x-first': 'one', 'x-second': 'two' } });
    await selectCapture(page, '/copy-names');
    await openTab(page, 'headers');
    const table = page.getByRole('table', { name: 'headers' });
    await eventually(async () => {
      const snapshot = await table.ariaSnapshot();
      expect(snapshot).toContain('button "Copy value of x-first"');
      expect(snapshot).toContain('button "Copy value of x-second"');
    });
    const row = table.getByRole('row').filter({ hasText: 'x-second' });
    await row.getByRole('button', { name: 'Copy value of x-second', exact: true }).click();
    await eventually(async () => expect(await row.getByRole('status').textContent()).toBe('Copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('two');
  });
});
