import { describe, expect, it } from 'vitest';
import { reachableByMouse } from './support/reachable';
import { eventually, send, useUiSession } from './support/ui';

// Electron's window can be made as small as 800 × 500 (main-window.ts).
describe('the Replay dialog in the shortest window (800 × 500)', () => {
  const s = useUiSession({ viewport: { width: 800, height: 500 } });

  it('scrolls to its Close button and outcomes once they make it taller than the window', async () => {
    const { page } = s;
    // Signed with their sending time and sent with a query: the dialog says so, and asks about the query.
    for (let i = 0; i < 12; i++)
      await send(s.app.receiverUrl, `/signed/${i}?n=${i}`, {
        method: 'POST',
        body: '{"a":1}',
        headers: { 'content-type': 'application/json', 'stripe-signature': 't=1700000000,v1=abc' },
      });
    // Counted from the list's own figure: the short window draws only the rows it has room for.
    await page.getByText('12 loaded', { exact: true }).waitFor();
    await page.locator('.row[data-capture-id]').first().click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('r');
    const dialog = page.getByTestId('replay-dialog');
    await dialog.waitFor();
    // Nothing listens on port 9 (discard): each replay is refused at once.
    await page.getByTestId('replay-url').fill('http://127.0.0.1:9/replayed');
    // Enabled once every capture has been read (whether one has a query to keep is known then).
    await eventually(async () => expect(await page.getByTestId('replay-send').isEnabled()).toBe(true));
    await page.getByTestId('replay-url').press('Enter');
    await page.locator('.replay-outcomes').waitFor();
    expect(
      await reachableByMouse(page, '[data-testid="replay-dialog"]', '[data-testid="replay-close"]'),
    ).toBe(true);
    expect(await reachableByMouse(page, '[data-testid="replay-dialog"]', '.replay-outcomes')).toBe(true);
    await page.getByTestId('replay-close').click();
    expect(await dialog.count()).toBe(0);
  });
});
