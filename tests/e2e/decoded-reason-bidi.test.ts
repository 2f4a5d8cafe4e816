import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe('the Decoded tab note on a multipart body', () => {
  const s = useUiSession();

  it('shows a right-to-left override in a file name as its code point, so "invoice‮fdp.exe" cannot read as a PDF', async () => {
    const { page } = s;
    const body =
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="invoice\u202efdp.exe"\r\n' +
      'Content-Type: application/octet-stream\r\n\r\nMZ\r\n--XX--\r\n';
    await send(s.app.receiverUrl, '/decoded-reason-bidi', {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=XX' },
    });
    await selectCapture(page, '/decoded-reason-bidi');
    await openTab(page, 'decoded');
    const reason = page.locator('[data-testid="decoded-view"] .decoded-reason');
    await eventually(async () => expect(await reason.innerText()).toContain('file (invoice'));
    expect(await reason.textContent()).not.toContain('\u202e');
    expect(await reason.locator('.invisible-char').allInnerTexts()).toEqual(['U+202E']);
  });
});
