import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe('control characters in a Decoded tree value', () => {
  const s = useUiSession();

  it('shows C0 controls and DEL as the escapes the Body tab shows, keeping newline and tab', async () => {
    const { page, app } = s;
    await send(app.receiverUrl, '/tree-controls', {
      body: JSON.stringify({ ansi: 'x\u0000\u0001\u001b[31mred\u007f', lines: 'a\nb\tc' }),
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/tree-controls');
    await openTab(page, 'decoded');
    const value = (path: string) =>
      page.locator(`[role="treeitem"][data-path="${path}"] .decoded-value`).first().textContent();
    await eventually(async () =>
      expect(await value('$.ansi')).toContain('x\\u0000\\u0001\\u001b[31mred\\u007f'),
    );
    expect(await value('$.lines')).toContain('a\nb\tc');
  });
});
