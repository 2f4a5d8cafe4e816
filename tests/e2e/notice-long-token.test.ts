import { describe, expect, it } from 'vitest';
import { useUiSession } from './support/ui';

describe('a notice quoting a long unbroken token', () => {
  const s = useUiSession({ viewport: { width: 800, height: 600 } });

  it('wraps the 200-character dictionary name inside the import notice instead of stretching it sideways', async () => {
    const { page } = s;
    const name = 'n'.repeat(200); // the contract's longest dictionary name, with nowhere to break
    await page.locator('.view-tab[data-view="dictionary"]').click();
    await page.getByLabel('Dictionary name').fill(name);
    await page.getByLabel('Dictionary content').fill('str::email,Work e-mail');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const notice = page.locator('.custom-dictionaries .notice-ok');
    await notice.getByText(name, { exact: false }).waitFor();
    const size = await notice.evaluate((e) => ({ shown: e.clientWidth, needed: e.scrollWidth }));
    expect(size.needed).toBeLessThanOrEqual(size.shown);
    const pageSize = await page.evaluate(() => ({
      shown: document.documentElement.clientWidth,
      needed: document.documentElement.scrollWidth,
    }));
    expect(pageSize.needed).toBeLessThanOrEqual(pageSize.shown);
  });
});
