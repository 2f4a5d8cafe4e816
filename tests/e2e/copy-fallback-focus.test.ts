import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe('a Copy button when the Clipboard API refuses', () => {
  const s = useUiSession();

  it('copies through the fallback and leaves keyboard focus on the button', async () => {
    const { page } = s;
    await page.context().grantPermissions(['clipboard-read']);
    await send(s.app.receiverUrl, '/copy-fallback', { headers: { 'x-fallback': 'kept' } });
    await selectCapture(page, '/copy-fallback');
    await openTab(page, 'headers');
    // As in an insecure context or with the permission denied.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    const button = page.getByRole('button', { name: 'Copy value of x-fallback', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: 'x-fallback' });
    await eventually(async () => expect(await row.getByRole('status').textContent()).toBe('Copied'));
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('kept');
  });
});
