import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('the Bulk send rows file', () => {
  it('is emptied once read, so the same file chosen again after an edit is read again', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Bulk send' }).click();
    const form = page.locator('.bulk-send');
    const input = form.getByLabel('Rows file');
    await input.setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Email\na@x.test\n'),
    });
    await eventually(async () =>
      expect(await form.getByTestId('bulk-rows-name').textContent()).toBe('contacts.csv'),
    );
    // Chromium fires no change when the file chosen is the one the input holds: it must hold none.
    expect(await input.evaluate((el: HTMLInputElement) => [el.value, el.files?.length ?? 0])).toEqual([
      '',
      0,
    ]);
  });
});
