import { describe, expect, it } from 'vitest';
import { eventually, selectCapture, send, useUiSession } from './support/ui';

describe('Signing tab: the signed string of a body with a right-to-left override', () => {
  const s = useUiSession();

  it('shows the override as its code point, as the preview of the body does', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/compose-signed-bidi', {
      method: 'POST',
      body: JSON.stringify({ attachment: 'invoice\u202efdp.exe' }),
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/compose-signed-bidi');
    await page.getByTestId('open-in-composer').click();
    await page.locator('[role="tab"][data-tab="signing"]').click();
    await page.getByTestId('signing-scheme').selectOption('github');
    await page.getByTestId('signing-secret').fill('shared-secret');
    const signed = page.getByTestId('signed-string');
    await eventually(async () => expect(await signed.innerText()).toContain('"attachment":"invoice'));
    expect(await signed.textContent()).not.toContain('\u202e');
    expect(await signed.locator('.invisible-char').allInnerTexts()).toEqual(['U+202E']);
  });
});
