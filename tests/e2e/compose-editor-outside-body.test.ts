import { describe, expect, it } from 'vitest';
import { eventually, monacoText, useUiSession } from './support/ui';

const s = useUiSession();

describe('the composer body editor and a body set from outside', () => {
  it('shows the empty body of a pasted cURL command, even after the body was once cleared by typing', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    const editor = page.locator('.compose-body .monaco-editor');
    await editor.waitFor();
    await page.getByTestId('body-mode-text').check({ force: true });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('typed body');
    await eventually(async () =>
      expect(await page.getByTestId('preview-body').textContent()).toBe('typed body'),
    );

    await page.getByTestId('compose-paste-curl').click();
    await page.getByTestId('paste-curl-input').fill('curl http://127.0.0.1:9/no-body');
    await page.getByTestId('paste-curl-apply').click();
    await eventually(async () =>
      expect(await page.getByTestId('preview-size').innerText()).toMatch(/^0 bytes/),
    );
    // What the editor shows is the body that goes out, and what is typed next is added to that body.
    await eventually(async () => expect(await monacoText(page, '.compose-body')).toBe(''));
    await editor.locator('.view-lines').click();
    await page.keyboard.type('x');
    await eventually(async () => expect(await page.getByTestId('preview-body').textContent()).toBe('x'));
  });
});
