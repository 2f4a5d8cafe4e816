import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element's test id, and the slug of the card it is in. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const card = el?.closest('[data-testid="endpoint-card"]');
    return `${el?.getAttribute('data-testid') ?? el?.tagName ?? ''}${card ? ` in ${card.getAttribute('data-slug')}` : ''}`;
  });

describe('deleting an endpoint by keyboard', () => {
  it('hands the focus to the card that takes its place, or to the one now last, not to the page', async () => {
    const { page } = s;
    for (const slug of ['first', 'second', 'third']) {
      const created = await s.app.rpc('endpoints.create', { slug, name: slug });
      expect(created.ok).toBe(true);
    }
    await page.locator('.view-tab[data-view="endpoints"]').click();
    const card = (slug: string) => page.locator(`[data-testid="endpoint-card"][data-slug="${slug}"]`);
    const deleteByKeyboard = async (slug: string) => {
      await card(slug).getByTestId('endpoint-delete').focus();
      await page.keyboard.press('Enter');
      await eventually(async () => expect(await focused()).toBe(`endpoint-delete-cancel in ${slug}`));
      await page.keyboard.press('Shift+Tab');
      expect(await focused()).toBe(`endpoint-delete-confirm in ${slug}`);
      await page.keyboard.press('Enter');
      await card(slug).waitFor({ state: 'detached' });
    };

    await deleteByKeyboard('second');
    await eventually(async () => expect(await focused()).toBe('endpoint-edit in third'));

    // The last card goes: the one now last takes the focus.
    await deleteByKeyboard('third');
    await eventually(async () => expect(await focused()).toBe('endpoint-edit in first'));
  });
});
