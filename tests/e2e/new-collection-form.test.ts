import { describe, expect, it } from 'vitest';
import { eventually, expectClean, useUiSession } from './support/ui';

const s = useUiSession();

const focusedName = () =>
  s.page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim(),
  );

const collections = async () => {
  const list = await s.app.rpc<{ collections: Array<{ name: string }> }>('webhooks.list', {});
  if (!list.ok) throw new Error(list.error.message);
  return list.value.collections.map((c) => c.name);
};

describe('"New collection"', () => {
  it('asks for the name inline: Enter creates, Escape cancels, empty and taken names are refused', async () => {
    const { page, problems } = s;
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const opener = page.getByRole('button', { name: 'New collection', exact: true });
    const field = page.getByRole('textbox', { name: 'Collection name' });
    const error = page.getByTestId('new-collection-error');

    await opener.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focusedName()).toBe('Collection name'));
    await page.keyboard.type('Drafts');
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await focusedName()).toBe('New collection'));
    expect(await field.count()).toBe(0);
    expect(await collections()).toEqual([]);

    await page.keyboard.press('Enter');
    await page.keyboard.type('   ');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await error.innerText()).toBe('Collection name: required (not only spaces)'),
    );
    expect(await field.inputValue()).toBe('   ');
    expect(await collections()).toEqual([]);

    await field.fill('Partners');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await collections()).toEqual(['Partners']));
    // The form closes once the page has read the list again, which can come after the API already lists it.
    await eventually(async () => expect(await field.count()).toBe(0));
    await eventually(async () => expect(await focusedName()).toBe('New collection'));
    await eventually(async () =>
      expect(await page.locator('.saved-group h4', { hasText: 'Partners' }).count()).toBe(1),
    );

    await page.keyboard.press('Enter');
    await page.keyboard.type(' partners ');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await eventually(async () =>
      expect(await error.innerText()).toBe('Collection name: “partners” is taken; choose another name'),
    );
    expect(await field.inputValue()).toBe(' partners ');
    expect(await collections()).toEqual(['Partners']);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await field.count()).toBe(0);

    expect(expectClean(problems)).toEqual({ dialogs: [], csp: [], errors: [] });
  });
});
