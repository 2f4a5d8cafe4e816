import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe('the Body tab note on XML that is not well-formed', () => {
  const s = useUiSession();

  it("shows a right-to-left override in the parser's quoted tag name as its code point", async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/xml-error-bidi', {
      method: 'POST',
      body: '<a></b\u202efdp.exe>',
      headers: { 'content-type': 'application/xml' },
    });
    await selectCapture(page, '/xml-error-bidi');
    await openTab(page, 'body');
    const note = page.locator('.detail-pane .notice-warn', { hasText: 'Not well-formed XML' });
    await eventually(async () => expect(await note.innerText()).toContain("Tag 'b"));
    expect(await note.textContent()).not.toContain('\u202e');
    expect(await note.locator('.invisible-char').allInnerTexts()).toEqual(['U+202E']);
  });
});
