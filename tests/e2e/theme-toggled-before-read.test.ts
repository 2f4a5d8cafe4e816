import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

describe('theme toggled before the stored theme is read', () => {
  const s = useUiSession();

  it('keeps and saves the toggle instead of undoing it when the stored theme comes back', async () => {
    const page = await s.browser.newPage({ colorScheme: 'dark' });
    try {
      // settings.get is held until the toggle has been clicked: a slow first answer, on cue.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/rpc', async (route) => {
        if (route.request().postDataJSON()?.method === 'settings.get') await held;
        await route.continue();
      });
      await page.goto(s.app.uiUrl);
      await page.getByTestId('theme-toggle').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      release();
      await eventually(async () => {
        const saved = await s.app.rpc<{ theme: string }>('settings.get', {});
        expect(saved.ok && saved.value.theme).toBe('light');
      });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    } finally {
      await page.close();
    }
  });
});
