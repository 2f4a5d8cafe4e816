import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../../helpers/app-server';
import { newCapture } from '../../helpers/new-capture';
import { eventually } from './ui';

/** Stores `count` captures straight through the store, the i-th (oldest first) at `pathOf(i)`, then reloads the page. */
export async function storeCaptures(
  app: TestApp,
  page: Page,
  count: number,
  pathOf: (i: number) => string,
): Promise<void> {
  const now = Date.now();
  const adds: Promise<number>[] = [];
  for (let i = 0; i < count; i++)
    adds.push(app.engine.ctx.captures.add(newCapture({ receivedAtMs: now + i, path: pathOf(i) })));
  await Promise.all(adds);
  await page.reload();
  await page.locator('.row[data-capture-id]').first().waitFor();
}

const scroller = '[data-testid="capture-scroll"]';

export const scrollTopOf = (page: Page) => page.locator(scroller).evaluate((el) => el.scrollTop);

/** Scrolls the list down (pages are fetched on the way) until it is more than `px` from the top. */
export async function scrollDeeperThan(page: Page, px: number): Promise<void> {
  await eventually(async () =>
    expect(await page.locator(scroller).evaluate((el) => (el.scrollTop += 4000))).toBeGreaterThan(px),
  );
}
