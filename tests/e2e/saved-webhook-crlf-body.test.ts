import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('editing a saved webhook whose body breaks lines with CRLF or a mix', () => {
  it('keeps CRLF in every line of the body after a character is typed into it', async () => {
    await typeAtEndAndSave('Windows body', 'line one\r\nline two\r\n');
  });

  it('keeps every line ending of a body mixing CR, LF and CRLF', async () => {
    await typeAtEndAndSave('Mixed body', 'one\r\ntwo\nthree\rfour\r\n');
  });
});

async function typeAtEndAndSave(name: string, body: string) {
  const { page, app } = s;
  const saved = await app.rpc<{ id: number }>('webhooks.save', {
    name,
    method: 'POST',
    url: 'https://hooks.example/crlf',
    body,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  await page.locator('.view-tab[data-view="deliveries"]').click();
  await page.getByRole('tab', { name: 'Saved webhooks' }).click();
  const row = page.locator('.saved-webhooks').getByRole('group', { name, exact: true });
  await row.getByRole('button', { name: 'Edit', exact: true }).click();
  const textarea = page.getByRole('textbox', { name: 'Body', exact: true });
  await eventually(async () => expect(await textarea.inputValue()).toBe(body.replace(/\r\n?/g, '\n')));
  await textarea.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('three');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await eventually(async () => {
    const list = await app.rpc<{ items: Array<{ id: number; body: string }> }>('webhooks.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.items.find((w) => w.id === saved.value.id)?.body).toBe(`${body}three`);
  });
}
