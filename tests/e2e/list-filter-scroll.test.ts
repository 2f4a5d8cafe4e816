import { beforeAll, describe, expect, it } from 'vitest';
import { scrollDeeperThan, scrollTopOf, storeCaptures } from './support/many-captures';
import { eventually, useUiSession } from './support/ui';

describe('capture list, a new filter while scrolled deep', () => {
  const s = useUiSession();
  // Newest first in the list: the even paths are the newer ones, so the filter's newest match is /even-1998.
  beforeAll(() => storeCaptures(s.app, s.page, 2000, (i) => (i % 2 ? `/odd-${i}` : `/even-${i}`)));

  it('shows the new filter’s newest matches at the top, not rows from where the last list was left', async () => {
    const { page } = s;
    // Far past the new filter's first page of 200 rows.
    await scrollDeeperThan(page, 20_000);
    await page.getByTestId('search').fill('even');
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('1,000 captures match'),
    );
    await eventually(async () => {
      expect(await scrollTopOf(page)).toBe(0);
      expect(await page.locator('.row[aria-rowindex="2"] .cell.path').innerText()).toBe('/even-1998');
    });
  });
});
