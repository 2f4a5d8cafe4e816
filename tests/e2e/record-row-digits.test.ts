import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('the composer record panel: the Row picker, typed in Chromium', () => {
  it('reads 1,000 as row 1000 and refuses 1,5 and 1e3, naming the field, keeping the last whole row', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    await page.getByTestId('composer').waitFor();
    if ((await page.getByTestId('compose-merge-on').count()) > 0)
      await page.getByTestId('compose-merge-on').click();
    await page.getByRole('tab', { name: /Merge fields/ }).click();
    await page.getByTestId('record-source-file').check({ force: true });
    const csv = ['Email', ...Array.from({ length: 2000 }, (_, i) => `row${i + 1}@example.com`)].join('\n');
    await page
      .getByTestId('record-file')
      .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const input = page.getByTestId('record-row');
    const fields = page.getByTestId('record-fields');
    await eventually(async () => expect(await fields.innerText()).toContain('row1@example.com'));

    const typeRow = async (text: string) => {
      await input.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text);
    };

    await typeRow('1,000');
    await eventually(async () => expect(await fields.innerText()).toContain('row1000@example.com'));

    for (const refused of ['1,5', '1e3']) {
      await typeRow(refused);
      await page.keyboard.press('Enter');
      // The "1" typed first is a whole row and is taken at once; nothing typed after it is.
      expect(await fields.innerText()).toContain('row1@example.com');
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await input.inputValue()).toBe(refused);
      expect(await page.getByTestId('record-row-error').innerText()).toBe(
        'Row: enter a whole number from 1 to 2,000; row 1 is used',
      );
    }
  });
});
