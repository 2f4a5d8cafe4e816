import { describe, expect, it } from 'vitest';
import { useUiSession } from './support/ui';

describe('two custom dictionaries labelling one ID', () => {
  const s = useUiSession();

  it('the Dictionary view says which label is not used and which dictionary wins', async () => {
    const { app, page } = s;
    for (const [name, label] of [
      ['Old export', 'Mail (old)'],
      ['Instance schema', 'Work e-mail'],
    ] as const) {
      const r = await app.rpc('dictionary.custom.import', {
        name,
        format: 'csv',
        content: `str::email,${label}`,
      });
      if (!r.ok) throw new Error(r.error.message);
    }

    await page.locator('.view-tab[data-view="dictionary"]').click();
    await page.getByLabel('Search the dictionary').fill('str::email');
    const row = (label: string) => page.locator('.dictionary-row', { hasText: label });
    await row('Work e-mail').waitFor();
    expect(await row('Mail (old)').locator('.pill').innerText()).toContain('not used');
    expect(await row('Work e-mail').locator('.pill').innerText()).not.toContain('not used');

    await row('Mail (old)').click();
    const detail = page.locator('.dictionary-detail');
    await detail.getByText('Old export').waitFor();
    expect(await detail.innerText()).toContain(
      'Not used: the later dictionary “Instance schema” labels this ID “Work e-mail”',
    );

    await row('Work e-mail').click();
    await detail.getByText('Instance schema').waitFor();
    expect(await detail.innerText()).not.toContain('Not used');
  });
});
