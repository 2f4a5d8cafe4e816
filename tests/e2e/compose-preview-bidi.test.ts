import { describe, expect, it } from 'vitest';
import { eventually, selectCapture, send, useUiSession } from './support/ui';

describe('"Exactly what goes out" for a capture with a right-to-left override', () => {
  const s = useUiSession();

  it('shows the override in the body and in a UTF-8 header value as its code point', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/compose-preview-bidi', {
      method: 'POST',
      body: JSON.stringify({ attachment: 'invoice\u202efdp.exe' }),
      headers: {
        'content-type': 'application/json',
        // A header value sent as UTF-8 bytes (fetch takes one character per byte).
        'x-file': Buffer.from('report\u202efdp.exe', 'utf8').toString('latin1'),
      },
    });
    await selectCapture(page, '/compose-preview-bidi');
    await page.getByTestId('open-in-composer').click();
    const body = page.getByTestId('preview-body');
    await eventually(async () => expect(await body.innerText()).toContain('"attachment":"invoice'));
    expect(await body.textContent()).not.toContain('\u202e');
    expect(await body.locator('.invisible-char').allInnerTexts()).toEqual(['U+202E']);
    const header = page.getByTestId('preview-header').filter({ hasText: 'x-file' });
    expect(await header.textContent()).not.toContain('\u202e');
    expect(await header.locator('.invisible-char').allInnerTexts()).toEqual(['U+202E']);
  });
});
