import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('the endpoint form names the field of an error the engine refused as the form labels it', () => {
  it('says "Slug: …" for a taken, reserved or malformed slug, like "Name: …", and marks the slug field', async () => {
    const { page } = s;
    const created = await s.app.rpc('endpoints.create', { slug: 'hooks', name: 'Hooks' });
    if (!created.ok) throw new Error(created.error.message);
    await page.locator('.view-tab[data-view="endpoints"]').click();
    await page.getByTestId('endpoint-new').click();
    const error = page.getByTestId('endpoint-error');
    const slug = page.getByTestId('endpoint-slug');

    await page.getByTestId('endpoint-save').click();
    expect(await error.innerText()).toBe('Name: required');

    await page.getByTestId('endpoint-name').fill('Again');
    const refusals: Array<[string, RegExp]> = [
      ['hooks', /^Slug: an endpoint "hooks" already exists\.$/],
      ['default', /^Slug: "default" is reserved for the catch-all endpoint; pick another\.$/],
      ['not ok', /^Slug: use lowercase letters, digits/],
      ['', /^Slug: /],
    ];
    for (const [typed, message] of refusals) {
      await slug.fill(typed);
      await page.getByTestId('endpoint-save').click();
      await eventually(async () => expect(await error.innerText()).toMatch(message));
      expect(await slug.getAttribute('aria-invalid')).toBe('true');
    }
    await page.locator('[data-testid="endpoint-form"] button', { hasText: 'Cancel' }).click();
  });
});
