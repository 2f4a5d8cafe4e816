import { describe, expect, it } from 'vitest';
import { useUiSession } from './support/ui';

describe('a custom dictionary of more than 500 labels', () => {
  const s = useUiSession();

  it('finds an entry past the 500 listed, edits it and removes another', async () => {
    const { app, page } = s;
    const ids = Array.from({ length: 600 }, (_, i) => `str:cm:field-${String(i).padStart(3, '0')}`);
    const csv = ids.map((id, i) => `${id},Field ${i}`).join('\n');
    const imported = await app.rpc<{ dictionary: { id: number } }>('dictionary.custom.import', {
      name: 'Large instance',
      format: 'csv',
      content: csv,
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const dictionaryId = imported.value.dictionary.id;

    await page.locator('.view-tab[data-view="dictionary"]').click();
    const custom = page.locator('.custom-dictionaries');
    await custom.getByRole('button', { name: 'Large instance' }).click();
    const rows = custom.locator('.entry-editor tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(500);
    expect(await rows.filter({ hasText: 'str:cm:field-599' }).count()).toBe(0);

    await custom.getByLabel('Find in this dictionary').fill('field-599');
    await rows.filter({ hasText: 'str:cm:field-599' }).getByRole('button', { name: 'Edit' }).click();
    await custom.getByLabel('Label', { exact: true }).fill('Renamed last field');
    await custom.getByRole('button', { name: 'Save label' }).click();
    await custom.locator('.entry-editor .muted', { hasText: 'Editing' }).waitFor({ state: 'detached' });

    await custom.getByLabel('Find in this dictionary').fill('field-598');
    await rows.filter({ hasText: 'str:cm:field-598' }).getByRole('button', { name: 'Remove' }).click();
    await rows.filter({ hasText: 'str:cm:field-598' }).waitFor({ state: 'detached' });

    const after = await app.rpc<{ entries: { fieldId: string; label: string }[] }>('dictionary.custom.get', {
      id: dictionaryId,
    });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.entries).toHaveLength(599);
    expect(after.value.entries.find((e) => e.fieldId === 'str:cm:field-599')?.label).toBe(
      'Renamed last field',
    );
    expect(after.value.entries.some((e) => e.fieldId === 'str:cm:field-598')).toBe(false);
  });
});
