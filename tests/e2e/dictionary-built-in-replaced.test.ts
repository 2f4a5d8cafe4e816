import { describe, expect, it } from 'vitest';
import { useUiSession } from './support/ui';

describe('a built-in label a custom dictionary relabels', () => {
  const s = useUiSession();

  it('is marked not used in the Dictionary view, naming the custom label that replaces it', async () => {
    const { app, page } = s;
    const r = await app.rpc('dictionary.custom.import', {
      name: 'Instance schema',
      format: 'csv',
      content: 'str::email,Work e-mail',
      dictionaryId: null,
    });
    if (!r.ok) throw new Error(r.error.message);

    await page.locator('.view-tab[data-view="dictionary"]').click();
    await page.getByLabel('Search the dictionary').fill('str::email');
    const builtIn = page
      .locator('.dictionary-row', { hasText: 'built-in' })
      .filter({ hasText: 'str::email' });
    const custom = page.locator('.dictionary-row', { hasText: 'Work e-mail' });
    await custom.waitFor();
    expect(await builtIn.count()).toBe(1);
    expect(await builtIn.locator('span').last().innerText()).toContain('not used');
    expect(await custom.locator('.pill').innerText()).not.toContain('not used');

    await builtIn.click();
    const detail = page.locator('.dictionary-detail');
    await detail.getByText('Not used').waitFor();
    expect(await detail.innerText()).toContain(
      'Not used: the custom dictionary “Instance schema” labels this ID “Work e-mail”',
    );
  });
});
