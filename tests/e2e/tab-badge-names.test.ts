import { describe, expect, it } from 'vitest';
import { selectCapture, send, useUiSession } from './support/ui';

describe('a tab with a badge, to a screen reader', () => {
  const s = useUiSession();

  it('names the tab and its badge apart, not run together ("Response200")', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/badge-names?a=1', { method: 'POST', body: '{}' });
    await selectCapture(page, '/badge-names');
    const tabs = page.getByRole('tablist', { name: 'Capture detail' });
    const snapshot = await tabs.ariaSnapshot();
    expect(snapshot).toContain('tab "Query, 1"');
    expect(snapshot).toContain('tab "Body, 2 B"');
    expect(snapshot).toContain('tab "Response, 200"');
    expect(snapshot).toContain('tab "Overview"');
  });
});
