import { describe, expect, it } from 'vitest';
import { row, send, useUiSession } from './support/ui';

describe('capture list at 1400 px, the endpoint column', () => {
  const s = useUiSession({ viewport: { width: 1400, height: 860 } });

  it('names the whole endpoint on hover when the column is too narrow to show it', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/named', { method: 'POST', body: '{}' });
    const cell = row(page, '/named').locator('.cell.endpoint');
    await cell.waitFor();
    // The default endpoint's name, "Default (catch-all)", does not fit the column at this width.
    expect(await cell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await cell.getAttribute('title')).toBe('Default (catch-all)');
  });
});
