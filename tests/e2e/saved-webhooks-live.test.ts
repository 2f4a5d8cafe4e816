import { describe, expect, it } from 'vitest';
import { eventually, expectClean, useUiSession, withDialogsAccepted } from './support/ui';

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

  it('refuses to save an edit over a change made elsewhere after Edit was pressed, and saves once opened again', async () => {
    const { page, app } = s;
    const saved = await app.rpc<{ id: number }>('webhooks.save', {
      name: 'Shared',
      method: 'POST',
      url: 'https://hooks.example/shared',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const row = page.locator('.saved-row', { hasText: 'Shared' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const form = page.locator('.saved-webhooks');
    await eventually(async () =>
      expect(await form.getByLabel('URL').inputValue()).toBe('https://hooks.example/shared'),
    );

    const renamed = await app.rpc('webhooks.save', {
      id: saved.value.id,
      name: 'Shared, renamed elsewhere',
      method: 'POST',
      url: 'https://hooks.example/shared',
    });
    if (!renamed.ok) throw new Error(renamed.error.message);
    await form.getByLabel('URL').fill('https://hooks.example/mine');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () =>
      expect(await form.locator('.notice-error').innerText()).toContain(
        'was changed elsewhere after it was opened for editing',
      ),
    );
    expect(await form.locator('.notice-error').getAttribute('role')).toBe('alert');
    const stored = async () => {
      const list = await app.rpc<{ items: Array<{ id: number; name: string; url: string }> }>(
        'webhooks.list',
        {},
      );
      return list.ok ? list.value.items.find((w) => w.id === saved.value.id) : list.error.message;
    };
    expect(await stored()).toMatchObject({
      name: 'Shared, renamed elsewhere',
      url: 'https://hooks.example/shared',
    });

    await page
      .locator('.saved-row', { hasText: 'Shared, renamed elsewhere' })
      .getByRole('button', { name: 'Edit' })
      .click();
    // Edit takes the keyboard to the form it filled; Save empties the form and disables itself, and focus goes back
    // to its first field rather than to the page.
    const nameFocused = () =>
      form.getByLabel('Name', { exact: true }).evaluate((el) => el === document.activeElement);
    await eventually(async () => expect(await nameFocused()).toBe(true));
    await form.getByLabel('URL').fill('https://hooks.example/mine');
    await form.getByRole('button', { name: 'Save', exact: true }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await stored()).toMatchObject({
        name: 'Shared, renamed elsewhere',
        url: 'https://hooks.example/mine',
      }),
    );
    await eventually(async () => expect(await nameFocused()).toBe(true));
  });

  it('refuses to save an environment over variables changed elsewhere after it was opened, and saves once opened again', async () => {
    const { page, app } = s;
    const created = await app.rpc<{ id: number }>('environments.save', {
      name: 'Shared env',
      variables: { host: 'a' },
    });
    if (!created.ok) throw new Error(created.error.message);
    await page.getByTestId('environments-edit').click();
    const editor = page.getByTestId('environments-editor');
    await editor.getByLabel('Environment to edit').selectOption({ label: 'Shared env' });
    await eventually(async () => expect(await editor.getByLabel('Value 1').inputValue()).toBe('a'));

    const changed = await app.rpc('environments.save', {
      id: created.value.id,
      name: 'Shared env',
      variables: { host: 'a', token: 'from elsewhere' },
    });
    if (!changed.ok) throw new Error(changed.error.message);
    await editor.getByLabel('Value 1').fill('mine');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () =>
      expect(await editor.getByRole('alert').innerText()).toContain(
        'was changed elsewhere after it was opened for editing',
      ),
    );
    const stored = async () => {
      const list = await app.rpc<{ items: Array<{ id: number; variables: Record<string, string> }> }>(
        'environments.list',
        {},
      );
      return list.ok
        ? list.value.items.find((e) => e.id === created.value.id)?.variables
        : list.error.message;
    };
    expect(await stored()).toEqual({ host: 'a', token: 'from elsewhere' });

    // Opened again, the editor shows the saved version and saves.
    await editor.getByLabel('Environment to edit').selectOption({ label: 'New environment' });
    await editor.getByLabel('Environment to edit').selectOption({ label: 'Shared env' });
    await eventually(async () =>
      expect(await editor.getByLabel('Value 2').inputValue()).toBe('from elsewhere'),
    );
    await editor.getByLabel('Value 1').fill('mine');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () => expect(await stored()).toEqual({ host: 'mine', token: 'from elsewhere' }));

    // Close (and Escape) give the keyboard back to the button that opened the editor, not to the page.
    const opener = page.getByTestId('environments-edit');
    const openerFocused = () => opener.evaluate((el) => el === document.activeElement);
    await editor.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    expect(await editor.count()).toBe(0);
    expect(await openerFocused()).toBe(true);
    await page.keyboard.press('Enter');
    await editor.getByLabel('Environment name').focus();
    await page.keyboard.press('Escape');
    expect(await editor.count()).toBe(0);
    expect(await openerFocused()).toBe(true);
  });

  it('keeps what was typed for an environment deleted elsewhere, saying so, and creates it again on save', async () => {
    const { page, app } = s;
    const created = await app.rpc<{ id: number }>('environments.save', {
      name: 'Doomed env',
      variables: { host: 'a' },
    });
    if (!created.ok) throw new Error(created.error.message);
    await page.getByTestId('environments-edit').click();
    const editor = page.getByTestId('environments-editor');
    await editor.getByLabel('Environment to edit').selectOption({ label: 'Doomed env' });
    await eventually(async () => expect(await editor.getByLabel('Value 1').inputValue()).toBe('a'));
    await editor.getByLabel('Value 1').fill('typed here');

    const deleted = await app.rpc('environments.delete', { id: created.value.id });
    if (!deleted.ok) throw new Error(deleted.error.message);
    await eventually(async () =>
      expect(await editor.getByTestId('environment-deleted-elsewhere').innerText()).toContain(
        '"Doomed env" was deleted elsewhere',
      ),
    );
    expect(await editor.getByLabel('Value 1').inputValue()).toBe('typed here');
    await editor.getByRole('button', { name: 'Create', exact: true }).click();
    const stored = async () => {
      const list = await app.rpc<{
        items: Array<{ id: number; name: string; variables: Record<string, string> }>;
      }>('environments.list', {});
      return list.ok ? list.value.items.find((e) => e.name === 'Doomed env') : list.error.message;
    };
    await eventually(async () =>
      expect((await stored()) as object).toMatchObject({ variables: { host: 'typed here' } }),
    );
    // The store can answer before the editor has taken in the save's own answer: wait for the editor too.
    await eventually(async () => {
      expect(await editor.getByRole('alert').count()).toBe(0);
      expect(await editor.getByTestId('environment-deleted-elsewhere').count()).toBe(0);
    });
    await editor.getByRole('button', { name: 'Close' }).click();
  });

  it('keeps a draft typed through a look at the delivery log and another view, and asks before a reload drops it', async () => {
    await withDialogsAccepted(s, async (page, asked) => {
      const form = page.locator('.saved-webhooks');
      const savedTab = () => page.getByRole('tab', { name: 'Saved webhooks' }).click();
      await page.locator('.view-tab[data-view="deliveries"]').click();
      await savedTab();
      await form.getByLabel('Name', { exact: true }).fill('Half typed');
      await form.getByLabel('URL').fill('https://hooks.example/half-typed');
      await form.getByLabel('Body').fill('typed=1');
      await page.getByRole('tab', { name: 'Delivery log' }).click();
      await page.locator('.view-tab[data-view="inspect"]').click();
      await page.locator('.view-tab[data-view="deliveries"]').click();
      await savedTab();
      expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Half typed');
      expect(await form.getByLabel('URL').inputValue()).toBe('https://hooks.example/half-typed');
      expect(await form.getByLabel('Body').inputValue()).toBe('typed=1');

      await page.reload();
      await page.locator('.status-bar .conn-open').waitFor();
      expect(asked).toEqual(['beforeunload']);
    });
  });
});
