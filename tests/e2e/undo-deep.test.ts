import { beforeAll, describe, expect, it } from 'vitest';
import { scrollDeeperThan, scrollTopOf, storeCaptures } from './support/many-captures';
import { eventually, row, useUiSession } from './support/ui';

describe('capture list, undoing a delete made deep in the list', () => {
  const s = useUiSession();
  beforeAll(() => storeCaptures(s.app, s.page, 2000, (i) => `/deep-${i}`));

  it('brings the capture back where it was, selected and in sight, and ↓ goes on from it', async () => {
    const { page } = s;
    await scrollDeeperThan(page, 20_000);
    const scroller = page.getByTestId('capture-scroll');
    // A row well inside the visible part of the list.
    const box = (await scroller.boundingBox())!;
    await page.mouse.click(box.x + 200, box.y + 200);
    const path = await page.locator('.row.active .cell.path').innerText();
    const n = Number(path.slice('/deep-'.length));
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await row(page, path).count()).toBe(0));
    await page.getByRole('button', { name: 'Undo' }).click();

    await eventually(async () => {
      expect(await page.locator('.row.active .cell.path').innerText()).toBe(path);
      const active = (await page.locator('.row.active').boundingBox())!;
      expect(active.y).toBeGreaterThanOrEqual(box.y);
      expect(active.y + active.height).toBeLessThanOrEqual(box.y + box.height);
    });
    expect(await scrollTopOf(page)).toBeGreaterThan(20_000);
    await page.keyboard.press('ArrowDown');
    await eventually(async () =>
      expect(await page.locator('.row.active .cell.path').innerText()).toBe(`/deep-${n - 1}`),
    );
  });
});
