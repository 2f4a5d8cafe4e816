import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe('a decoded value with a right-to-left override, opened with More', () => {
  const s = useUiSession();

  it('shows the raw value with the override as its code point, as the row itself does', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/decoded-details-bidi', {
      method: 'POST',
      body: JSON.stringify({ attachment: 'invoice\u202efdp.exe' }),
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/decoded-details-bidi');
    await openTab(page, 'decoded');
    const node = page.locator('.decoded-node[data-path="$.attachment"]');
    await eventually(async () =>
      expect(await node.locator('.decoded-value').innerText()).toContain('U+202E'),
    );
    await node.getByRole('button', { name: 'More' }).click();
    const details = node.locator('.decoded-details');
    await eventually(async () => expect(await details.innerText()).toContain('raw "invoice'));
    expect(await details.textContent()).not.toContain('\u202e');
    expect(await details.locator('.invisible-char').allInnerTexts()).toEqual(['U+202E']);
  });
});
