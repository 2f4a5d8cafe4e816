import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useUiSession } from './support/ui';

/** Wheels over the open panel until the control is on screen, then says whether a click there would reach it. */
async function reachableByMouse(page: Page, panel: string, control: string): Promise<boolean> {
  const box = (await page.locator(panel).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 200);
  return page.locator(control).evaluate((button) => {
    const r = button.getBoundingClientRect();
    const x = r.x + r.width / 2;
    const y = r.y + r.height / 2;
    return y < innerHeight && x < innerWidth && button.contains(document.elementFromPoint(x, y));
  });
}

// Electron's window can be made as small as 800 × 500 (main-window.ts): a panel opened from the top bar must still
// let its last buttons be clicked there.
describe('the shortest window (800 × 500)', () => {
  const s = useUiSession({ viewport: { width: 800, height: 500 } });

  it('scrolls the Settings panel to its Save and Close buttons instead of cutting them off below the window', async () => {
    const { page } = s;
    await page.getByTestId('settings-toggle').click();
    await page.getByTestId('settings-panel').waitFor();
    expect(await reachableByMouse(page, '.settings-popover .popover', '[data-testid="settings-save"]')).toBe(
      true,
    );
    expect(
      await reachableByMouse(page, '.settings-popover .popover', '.settings-actions button:text-is("Close")'),
    ).toBe(true);
    await page.locator('.settings-actions button:text-is("Close")').click();
    expect(await page.getByTestId('settings-panel').count()).toBe(0);
  });
});
