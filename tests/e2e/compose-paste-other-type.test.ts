import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('pasting a body of another type over the JSON template', () => {
  it('takes the pasted type, so merged values are escaped for it and not JSON-quoted', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    expect(await page.getByTestId('body-mode-json').isChecked()).toBe(true);
    await page.locator('.compose-body .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(
      '<contact><email>[Email]</email><name a="[First Name]">[Last Name]</name></contact>',
    );
    await eventually(async () => expect(await page.getByTestId('body-mode-xml').isChecked()).toBe(true));
    expect(await page.getByTestId('preview-body').textContent()).toBe(
      '<contact><email>mary@example.com</email><name a="Mary">Smith</name></contact>',
    );
    expect(await page.getByTestId('preview-size').innerText()).toContain('application/xml');

    // Form pasted over it in turn.
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('email=[Email]&name=[First Name] [Last Name]');
    await eventually(async () => expect(await page.getByTestId('body-mode-form').isChecked()).toBe(true));
    expect(await page.getByTestId('preview-body').textContent()).toBe(
      'email=mary%40example.com&name=Mary Smith',
    );
  });
});
