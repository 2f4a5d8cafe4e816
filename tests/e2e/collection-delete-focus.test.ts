import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element's tag and accessible text. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.tagName ?? ''} ${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''}`;
  });

const rpc = async <T>(method: string, input: unknown): Promise<T> => {
  const r = await s.app.rpc<T>(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('the focus after a collection is deleted', () => {
  it('goes to the No collection group its webhooks moved to, not to the page', async () => {
    const { page } = s;
    const { id } = await rpc<{ id: number }>('collections.save', { name: 'Partners' });
    await rpc('webhooks.save', {
      name: 'Alpha',
      method: 'POST',
      url: 'https://hooks.example/a',
      collectionId: id,
    });
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const list = page.locator('.saved-webhooks');
    await eventually(async () => expect(await list.locator('.saved-row').count()).toBe(1));

    await list.getByRole('button', { name: 'Delete collection Partners', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('collection-delete-confirm').focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await list.locator('.saved-group h4', { hasText: 'Partners' }).count()).toBe(0),
    );
    await eventually(async () => expect(await focused()).toBe('H4 No collection'));
  });

  it('goes to "New collection" when no group is left to show', async () => {
    const { page } = s;
    // No webhook left, so no No collection group either.
    for (const { id } of (await rpc<{ items: Array<{ id: number }> }>('webhooks.list', {})).items)
      await rpc('webhooks.delete', { id });
    await rpc('collections.save', { name: 'Empty one' });
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const list = page.locator('.saved-webhooks');
    const opener = list.getByRole('button', { name: 'Delete collection Empty one', exact: true });
    await eventually(async () => expect(await opener.count()).toBe(1));
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('collection-delete-confirm').focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await list.locator('.saved-group h4', { hasText: 'Empty one' }).count()).toBe(0),
    );
    await eventually(async () => expect(await focused()).toBe('BUTTON New collection'));
  });
});
