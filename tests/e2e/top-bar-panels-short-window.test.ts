import { describe, expect, it } from 'vitest';
import { reachableByMouse } from './support/reachable';
import { useUiSession } from './support/ui';

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
