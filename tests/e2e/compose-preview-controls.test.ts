import { describe, expect, it } from 'vitest';
import { eventually, selectCapture, send, useUiSession } from './support/ui';

describe('"Exactly what goes out" for a body with control characters', () => {
  const s = useUiSession();

  it('shows C0 controls, DEL and the line separators as escapes, keeping newline, CRLF and tab', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/compose-preview-controls', {
      method: 'POST',
      body: 'x\u0000\u0001\u001b[31mred\u007f\u2028next\u2029para\r\nline\ttab\rlone',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    await selectCapture(page, '/compose-preview-controls');
    await page.getByTestId('open-in-composer').click();
    const body = page.getByTestId('preview-body');
    await eventually(async () => expect(await body.textContent()).toContain('red'));
    expect(await body.textContent()).toBe(
      'x\\u0000\\u0001\\u001b[31mred\\u007f\\u2028next\\u2029para\r\nline\ttab\\rlone',
    );
  });
});
