import type { Page } from 'playwright-core';

/**
 * Wheels over the top of an open panel (as far as it scrolls), then says whether the control is on screen and a click
 * at its middle would reach it: the app's frame never scrolls, so what runs off the window cannot be clicked.
 */
export async function reachableByMouse(page: Page, panel: string, control: string): Promise<boolean> {
  const box = (await page.locator(panel).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 200);
  return page.locator(control).evaluate((element) => {
    const r = element.getBoundingClientRect();
    const x = r.x + r.width / 2;
    const y = r.y + r.height / 2;
    return y < innerHeight && x < innerWidth && element.contains(document.elementFromPoint(x, y));
  });
}
