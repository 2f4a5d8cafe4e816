import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

// The Decoded tree is one Tab stop walked with the arrow keys; each row also has More / Path / Value buttons. Only
// the current row's are Tab stops: Tab goes from the row to them and then out of the tree, not through every row.
describe('Tab in the Decoded tree', () => {
  const s = useUiSession();

  it('goes from the current row to its own buttons, then out of the tree', async () => {
    const { page, app } = s;
    const fields = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, `value ${i}`]));
    await send(app.receiverUrl, '/tree-tab', {
      body: JSON.stringify(fields),
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/tree-tab');
    await openTab(page, 'decoded');
    const item = page.locator('[role="treeitem"][data-path="$.field3"]');
    await item.waitFor();
    await item.focus();
    const where = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        if (!a?.closest('[role="tree"]')) return 'outside';
        const owner = a.closest('[role="treeitem"]')?.getAttribute('data-path');
        return a.getAttribute('role') === 'treeitem' ? `item ${owner}` : `${a.textContent} of ${owner}`;
      });
    await eventually(async () => expect(await where()).toBe('item $.field3'));
    const stops: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const at = await where();
      if (at === 'outside') break;
      stops.push(at);
    }
    expect(stops).toEqual(['More of $.field3', 'Path of $.field3', 'Value of $.field3']);
    // Back into the tree lands on the row last visited, and its buttons follow it when the arrows move on.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await eventually(async () => expect(await where()).toBe('item $.field3'));
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await where()).toBe('item $.field4'));
    await page.keyboard.press('Tab');
    expect(await where()).toBe('More of $.field4');
  });
});
