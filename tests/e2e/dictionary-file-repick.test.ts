import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('the custom dictionary file picker', () => {
  it('is emptied once read, so the same file chosen again after an edit is read again', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="dictionary"]').click();
    const section = page.getByRole('region', { name: 'Custom dictionaries' });
    const input = section.getByLabel('Open a file');
    await input.setInputFiles({
      name: 'labels.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,label\nstr:cm:a,Alpha\n'),
    });
    const content = section.getByLabel('Dictionary content');
    await eventually(async () => expect(await content.inputValue()).toContain('str:cm:a,Alpha'));
    // Chromium fires no change when the file chosen is the one the input holds: it must hold none.
    expect(await input.evaluate((el: HTMLInputElement) => [el.value, el.files?.length ?? 0])).toEqual([
      '',
      0,
    ]);
  });
});
