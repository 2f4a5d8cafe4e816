import { describe, expect, it } from 'vitest';
import { useUiSession } from './support/ui';

const s = useUiSession();

const focusedTestId = () =>
  s.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('the Header filter, by keyboard', () => {
  it('takes typing in its name field when opened, and Escape gives the focus back to the chip', async () => {
    const { page } = s;
    const chip = page.getByTestId('filter-header');
    await chip.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('header-name').waitFor();
    expect(await focusedTestId()).toBe('header-name');
    await page.keyboard.type('X-Shop');
    expect(await page.getByTestId('header-name').inputValue()).toBe('X-Shop');

    await page.keyboard.press('Escape');
    await page.getByTestId('header-name').waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('filter-header');

    // Opened again, typed and applied with Enter: the filter is set and the focus is back on the chip.
    await page.keyboard.press('Enter');
    await page.getByTestId('header-name').waitFor();
    await page.keyboard.type('X-Shop');
    await page.keyboard.press('Enter');
    await page.getByTestId('header-name').waitFor({ state: 'detached' });
    expect(await chip.innerText()).toContain('Header: X-Shop');
    expect(await focusedTestId()).toBe('filter-header');
  });
});
