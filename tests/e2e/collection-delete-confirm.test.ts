import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

const focusedName = () =>
  s.page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim(),
  );

describe('deleting a saved-webhook collection', () => {
  it('asks first, naming the collection and its webhooks; Escape keeps it and returns the focus', async () => {
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
    const collections = async () => {
      const list = await app.rpc<{ collections: Array<{ name: string }> }>('webhooks.list', {});
      if (!list.ok) throw new Error(list.error.message);
      return list.value.collections.map((c) => c.name);
    };
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const list = page.locator('.saved-webhooks');
    await eventually(async () => expect(await list.locator('.saved-row').count()).toBe(2));

    const opener = list.getByRole('button', { name: 'Delete collection Partners', exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await page.getByTestId('collection-delete-message').innerText()).toBe(
        'Delete the collection “Partners”? Its 2 webhooks stay, under No collection.',
      ),
    );
    expect(await collections()).toEqual(['Partners']);
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await focusedName()).toBe('Delete collection Partners'));
    expect(await page.getByTestId('collection-delete-confirm').count()).toBe(0);
    expect(await collections()).toEqual(['Partners']);

    await page.keyboard.press('Enter');
    await page.getByTestId('collection-delete-confirm').focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await collections()).toEqual([]));
    await eventually(async () =>
      expect(
        await list.locator('.saved-group', { hasText: 'No collection' }).locator('.saved-row').count(),
      ).toBe(2),
    );
  });
});
