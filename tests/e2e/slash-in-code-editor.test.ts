import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

describe('the / shortcut (focus the search box)', () => {
  const s = useUiSession();

  it('types a / in the code editor instead of jumping to the search box', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    const editor = page.locator('.compose-body .monaco-editor');
    await editor.waitFor();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('/a/b');
    expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await page.getByTestId('search').inputValue()).toBe('');
    await eventually(async () =>
      expect(await page.getByTestId('preview-body').textContent()).toMatch(/\/a\/b$/),
    );
  });
});
