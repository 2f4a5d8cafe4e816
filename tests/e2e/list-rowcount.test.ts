import { beforeAll, describe, expect, it } from 'vitest';
import { storeCaptures } from './support/many-captures';
import { eventually, useUiSession } from './support/ui';

describe('capture list, the row count it tells assistive technology', () => {
  const s = useUiSession();
  beforeAll(() => storeCaptures(s.app, s.page, 300, (i) => `/counted-${i}`));

  it('is unknown while more pages remain, and every capture and the header once all are loaded', async () => {
    const { page } = s;
    const grid = page.getByRole('grid', { name: 'Captured requests' });
    // The first page holds 200 of the 300: "row 2 of 201" would misstate how many there are.
    expect(await grid.getAttribute('aria-rowcount')).toBe('-1');
    await eventually(async () => {
      await page.getByTestId('capture-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      expect(await grid.getAttribute('aria-rowcount')).toBe('301');
    });
  });
});
