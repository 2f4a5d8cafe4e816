import { beforeAll, describe, expect, it } from 'vitest';
import { newCapture } from '../helpers/new-capture';
import { eventually, useUiSession } from './support/ui';

const scroller = '[data-testid="capture-scroll"]';

describe('capture list, a new filter while scrolled deep', () => {
  const s = useUiSession();
  beforeAll(async () => {
    const { captures } = s.app.engine.ctx;
    const now = Date.now();
    // Newest first in the list: the even paths are the newer ones, so the filter's newest match is /even-1998.
    const adds: Promise<number>[] = [];
    for (let i = 0; i < 2000; i++)
      adds.push(
        captures.add(newCapture({ receivedAtMs: now + i, path: i % 2 ? `/odd-${i}` : `/even-${i}` })),
      );
    await Promise.all(adds);
    await s.page.reload();
    await s.page.locator('.row[data-capture-id]').first().waitFor();
  });

  it('shows the new filter’s newest matches at the top, not rows from where the last list was left', async () => {
    const { page } = s;
    // Scrolled down a few pages (more are fetched on the way), far past the new filter's first page of 200 rows.
    await eventually(async () =>
      expect(await page.locator(scroller).evaluate((el) => (el.scrollTop += 4000))).toBeGreaterThan(20_000),
    );
    await page.getByTestId('search').fill('even');
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('1,000 captures match'),
    );
    await eventually(async () => {
      expect(await page.locator(scroller).evaluate((el) => el.scrollTop)).toBe(0);
      expect(await page.locator('.row[aria-rowindex="2"] .cell.path').innerText()).toBe('/even-1998');
    });
  });
});
