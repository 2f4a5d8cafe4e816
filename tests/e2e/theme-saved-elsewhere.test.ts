import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

describe('theme saved elsewhere', () => {
  const s = useUiSession();

  it('an open page takes in a theme saved by another tab, the desktop menu or the API, without a reload', async () => {
    const { page } = s;
    const shown = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await shown()).toBe('dark');
    await s.app.rpc('settings.update', { theme: 'light' });
    await eventually(async () => expect(await shown()).toBe('light'));
    await s.app.rpc('settings.update', { theme: 'system' });
    await eventually(async () => expect(await shown()).toBe('dark'));
    // Taking it in does not save it back over a later change.
    const saved = await s.app.rpc<{ theme: string }>('settings.get', {});
    expect(saved.ok && saved.value.theme).toBe('system');
  });
});
