import { describe, expect, it } from 'vitest';
import { eventually, expectClean, useUiSession } from './support/ui';

// Saved webhooks and environments changed by another client (a second window, the CLI, the control API) show in an
// open Saved webhooks tab without a reload, so an edit made there does not quietly undo the other client's change.
describe('saved webhooks changed by another client', () => {
  const s = useUiSession();

  it('lists renames, deletions and environments made elsewhere, and an edit of a deleted webhook saves as new', async () => {
    const { page, app } = s;
    const saved = await app.rpc<{ id: number }>('webhooks.save', {
      name: 'Original',
      method: 'POST',
      url: 'https://hooks.example/a',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const names = () => page.locator('.saved-webhooks .saved-name').allInnerTexts();
    await eventually(async () => expect(await names()).toEqual(['Original']));

    const renamed = await app.rpc('webhooks.save', {
      id: saved.value.id,
      name: 'Renamed elsewhere',
      method: 'POST',
      url: 'https://hooks.example/a',
    });
    if (!renamed.ok) throw new Error(renamed.error.message);
    await eventually(async () => expect(await names()).toEqual(['Renamed elsewhere']));

    const env = await app.rpc('environments.save', { name: 'Staging', variables: { host: 'x' } });
    if (!env.ok) throw new Error(env.error.message);
    await eventually(async () =>
      expect(await page.getByLabel('Environment').locator('option').allInnerTexts()).toEqual([
        'none',
        'Staging',
      ]),
    );

    await page.locator('.saved-row').getByRole('button', { name: 'Edit' }).click();
    await page.locator('.saved-webhooks').getByLabel('URL').fill('https://hooks.example/typed');
    const deleted = await app.rpc('webhooks.delete', { id: saved.value.id });
    if (!deleted.ok) throw new Error(deleted.error.message);
    await eventually(async () => expect(await names()).toEqual([]));
    expect(await page.locator('.saved-webhooks h4', { hasText: 'Add a webhook' }).count()).toBe(1);
    await page.locator('.saved-webhooks').getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () => expect(await names()).toEqual(['Renamed elsewhere']));
    const list = await app.rpc<{ items: Array<{ url: string }> }>('webhooks.list', {});
    expect(list.ok && list.value.items.map((w) => w.url)).toEqual(['https://hooks.example/typed']);
    expect(expectClean(s.problems)).toEqual({ dialogs: [], csp: [], errors: [] });
  });
});
