import { beforeAll, describe, expect, it } from 'vitest';
import { scrollDeeperThan, storeCaptures } from './support/many-captures';
import { eventually, useUiSession } from './support/ui';

describe('capture list, deleting a range that reaches above the screen', () => {
  const s = useUiSession();
  beforeAll(() => storeCaptures(s.app, s.page, 1000, (i) => `/range-${i}`));

  it('keeps the rows below the range where they were, with the next one selected and in sight', async () => {
    const { page } = s;
    await scrollDeeperThan(page, 8_000);
    const scroller = page.getByTestId('capture-scroll');
    const box = (await scroller.boundingBox())!;
    await page.mouse.click(box.x + 200, box.y + 100);
    // 40 rows further down: the view follows the active row, and the range's first row goes well above the screen.
    for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+ArrowDown');
    expect(await page.getByTestId('selected-count').innerText()).toBe('41 selected');
    const last = Number((await page.locator('.row.active .cell.path').innerText()).slice('/range-'.length));
    await page.keyboard.press('Delete');
    await eventually(async () => {
      expect(await page.locator('.row.active .cell.path').innerText()).toBe(`/range-${last - 1}`);
      const active = (await page.locator('.row.active').boundingBox())!;
      expect(active.y).toBeGreaterThanOrEqual(box.y);
      expect(active.y + active.height).toBeLessThanOrEqual(box.y + box.height);
    });
  });
});
