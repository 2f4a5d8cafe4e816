import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element's tag and text, and the saved webhook row it sits in. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const row = el?.closest('.saved-row')?.querySelector('.saved-name')?.textContent;
    return `${el?.tagName ?? ''} ${el?.textContent?.trim() ?? ''}${row ? ` in ${row}` : ''}`;
  });

describe('deleting a saved webhook by keyboard', () => {
  it('moves the focus to the next webhook, then to the form once none is left, instead of the page', async () => {
    const { page, app } = s;
    for (const name of ['First', 'Second']) {
      const saved = await app.rpc('webhooks.save', {
        name,
        method: 'POST',
        url: `https://hooks.example/${name}`,
      });
      if (!saved.ok) throw new Error(saved.error.message);
    }
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const rows = page.locator('.saved-webhooks .saved-row');
    await eventually(async () => expect(await rows.count()).toBe(2));

    const remove = async () => {
      await rows.first().getByRole('button', { name: 'Delete…' }).focus();
      await page.keyboard.press('Enter');
      await rows.first().getByRole('button', { name: 'Delete webhook' }).focus();
      await page.keyboard.press('Enter');
    };
    const firstName = await rows.first().locator('.saved-name').innerText();
    const secondName = await rows.nth(1).locator('.saved-name').innerText();
    await remove();
    await eventually(async () => expect(await rows.count()).toBe(1));
    await eventually(async () => expect(await focused()).toBe(`BUTTON Send in ${secondName}`));
    expect(firstName).not.toBe(secondName);

    await remove();
    await eventually(async () => expect(await rows.count()).toBe(0));
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Name'),
    );
  });
});
