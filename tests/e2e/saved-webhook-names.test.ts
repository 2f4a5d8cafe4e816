import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('saved webhooks for a screen reader', () => {
  it("names each webhook's buttons by the webhook, and a collection's delete button by the collection", async () => {
    const { page, app } = s;
    const collection = await app.rpc<{ id: number }>('collections.save', { name: 'Partners' });
    if (!collection.ok) throw new Error(collection.error.message);
    for (const name of ['Alpha', 'Beta']) {
      const saved = await app.rpc('webhooks.save', {
        name,
        method: 'POST',
        url: `https://hooks.example/${name}`,
        collectionId: collection.value.id,
      });
      if (!saved.ok) throw new Error(saved.error.message);
    }
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const list = page.locator('.saved-webhooks');
    await eventually(async () => expect(await list.locator('.saved-row').count()).toBe(2));

    for (const name of ['Alpha', 'Beta']) {
      const row = list.getByRole('group', { name, exact: true });
      for (const button of ['Send', 'Edit', 'Duplicate', 'Delete…'])
        expect(await row.getByRole('button', { name: button, exact: true }).count()).toBe(1);
    }
    expect(await list.getByRole('button', { name: 'Delete collection Partners', exact: true }).count()).toBe(
      1,
    );
  });
});
