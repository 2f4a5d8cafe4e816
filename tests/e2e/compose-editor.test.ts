import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, row, selectCapture, send, useUiSession, withDialogsAccepted } from './support/ui';

const s = useUiSession();
const view = (id: 'inspect' | 'compose') => s.page.locator(`.view-tab[data-view="${id}"]`).click();

async function capturedId(path: string): Promise<number> {
  const list = await s.app.rpc<{ items: Array<{ id: number; path: string }> }>('captures.list', {
    limit: 20,
  });
  if (!list.ok) throw new Error(list.error.message);
  return list.value.items.find((c) => c.path === path)!.id;
}

async function openInComposer(path: string, body: string | Uint8Array, contentType: string): Promise<void> {
  await view('inspect');
  expect(
    (await send(s.app.receiverUrl, path, { body, headers: { 'content-type': contentType } })).status,
  ).toBe(200);
  await eventually(async () => expect(await row(s.page, path).count()).toBe(1));
  await selectCapture(s.page, path);
  await s.page.getByTestId('open-in-composer').click();
  await s.page.getByTestId('composer').waitFor();
}

describe('the composer body editor', () => {
  // Anything a hover fetches or a click follows would land here.
  let hits: string[];
  let server: Server;
  let base: string;
  beforeAll(async () => {
    hits = [];
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps CRLF line endings of a captured body while it is edited', async () => {
    const { page } = s;
    await view('compose');
    await page.locator('.compose-body .monaco-editor').waitFor();
    const body = '{\r\n  "a": 1,\r\n  "b": "x"\r\n}\r\n';
    await openInComposer('/crlf-json', body, 'application/json');
    await eventually(async () =>
      expect(await page.getByTestId('preview-size').innerText()).toMatch(/^29 bytes/),
    );
    await page.locator('.compose-body .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    await eventually(async () =>
      expect(await page.getByTestId('preview-size').innerText()).toMatch(/^30 bytes/),
    );
    expect(await page.getByTestId('preview-body').textContent()).toBe(`${body} `);
  });

  it('opens a body with mixed line endings as raw bytes, saying why', async () => {
    const { page } = s;
    const body = 'a\r\nb\nc\rd';
    await openInComposer('/mixed-eol', body, 'text/plain');
    await eventually(async () => expect(await page.getByTestId('body-mode-base64').isChecked()).toBe(true));
    expect(await page.getByTestId('compose-body-note').innerText()).toMatch(/line endings/);
    // The lone CR is kept in the body and shown as its escape.
    expect(await page.getByTestId('preview-body').textContent()).toBe('a\r\nb\nc\\rd');
  });

  it('keeps U+2028 and U+2029 in a captured body, asking nothing', async () => {
    const body = '{"text":"a\u2028b\u2029c"}';
    expect(
      (
        await send(s.app.receiverUrl, '/line-separators', {
          body,
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(200);
    const id = await capturedId('/line-separators');
    // A page that accepts every dialog: Monaco's question, accepted, would take the separators out of the body.
    await withDialogsAccepted(s, async (page, asked) => {
      await page.locator('.view-tab[data-view="compose"]').click();
      await page.locator('.compose-body .monaco-editor').waitFor();
      await page.evaluate((capture) => (window.location.hash = `view=compose&capture=${capture}`), id);
      await eventually(async () =>
        expect(await page.getByTestId('compose-url').inputValue()).toMatch(/\/line-separators$/),
      );
      await page.locator('.compose-body .monaco-editor .view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' ');
      await eventually(async () =>
        // Kept in the body, and shown as escapes (in a <pre> they would break the line).
        expect(await page.getByTestId('preview-body').textContent()).toBe(
          `${body.replace('\u2028', '\\u2028').replace('\u2029', '\\u2029')} `,
        ),
      );
      expect(asked).toEqual([]);
    });
  });

  it('shows a captured merge value in the hover as text: no image, emphasis or link', async () => {
    const { page } = s;
    const hostile = `![px](${base}/pixel.png) **bold** [link](${base}/clicked) ${base}/bare`;
    await view('inspect');
    await send(s.app.receiverUrl, '/hostile-fields', {
      body: JSON.stringify({ 'First Name': hostile }),
      headers: { 'content-type': 'application/json' },
    });
    await eventually(async () => expect(await row(page, '/hostile-fields').count()).toBe(1));
    const id = await capturedId('/hostile-fields');

    await view('compose');
    // The draft is the capture opened above, which starts with merge fields off.
    await page.getByTestId('compose-merge-on').click();
    await page.getByRole('tab', { name: /Merge fields/ }).click();
    await page.getByTestId('record-source-capture').check({ force: true });
    await page.getByTestId('record-capture-id').fill(String(id));
    await page.getByTestId('record-capture-load').click();
    await eventually(async () =>
      expect(await page.getByTestId('record-fields').innerText()).toContain('First Name'),
    );
    await page.getByRole('tab', { name: /Body/ }).click();
    await page.getByTestId('body-mode-text').check({ force: true });
    await page.locator('.compose-body .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Hi [First Name] end');
    const field = page.locator('.compose-body .merge-field-ok').first();
    await field.waitFor();
    await field.hover();
    const hover = page.locator('.monaco-hover-content').filter({ hasText: 'bold' });
    await eventually(async () => expect(await hover.count()).toBeGreaterThan(0));
    expect(await hover.first().innerText()).toContain(`= ${hostile}`);
    expect(await hover.locator('img, a, strong, b').count()).toBe(0);
    expect(hits).toEqual([]);
  });

  it('lets the keyboard leave the body editor: Tab indents, Escape then Tab moves focus on', async () => {
    const { page } = s;
    await view('compose');
    await page.getByTestId('body-mode-text').check({ force: true });
    const editor = page.locator('.compose-body .monaco-editor');
    const inEditor = () => editor.evaluate((el) => el.contains(document.activeElement));
    const body = () => page.getByTestId('preview-body').textContent();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('abc');
    await eventually(async () => expect(await body()).toBe('abc'));
    expect(await page.locator('.compose-body .code-editor-hint').isVisible()).toBe(true);

    await page.keyboard.press('Tab');
    await eventually(async () => expect(await body()).toMatch(/^abc\s+$/));
    expect(await inEditor()).toBe(true);
    // Typing after an Escape makes Tab indent again.
    await page.keyboard.press('Escape');
    await page.keyboard.type('d');
    await page.keyboard.press('Tab');
    await eventually(async () => expect(await body()).toMatch(/^abc\s+d\s+$/));
    expect(await inEditor()).toBe(true);
    const typed = await body();

    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await eventually(async () => expect(await inEditor()).toBe(false));
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    expect(await body()).toBe(typed);
  });
});

describe('the Paste cURL panel', () => {
  it('announces a parse error on the command it names, and Escape or Cancel closes it, focus back on its button', async () => {
    const { page } = s;
    await view('compose');
    const opener = page.getByTestId('compose-paste-curl');
    const input = page.getByTestId('paste-curl-input');
    const openerFocused = () => opener.evaluate((el) => el === document.activeElement);

    await opener.focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true),
    );
    await page.keyboard.type('curl --bogus https://example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('paste-curl-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));

    await input.focus();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('paste-curl').count()).toBe(0);
    expect(await openerFocused()).toBe(true);

    await page.keyboard.press('Enter');
    await input.waitFor();
    await page.getByTestId('paste-curl').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('paste-curl').count()).toBe(0);
    expect(await openerFocused()).toBe(true);
  });
});

describe('a composer draft and the window unloading', () => {
  it('asks before a reload drops a draft typed and left for another view, and not once it is gone', async () => {
    await withDialogsAccepted(s, async (page, asked) => {
      await page.locator('.view-tab[data-view="compose"]').click();
      await page.getByTestId('compose-url').click();
      await page.getByTestId('compose-url').fill('https://example.com/long-request');
      await page.locator('.view-tab[data-view="inspect"]').click();
      await page.reload();
      await page.locator('.status-bar .conn-open').waitFor();
      expect(asked).toEqual(['beforeunload']);

      // The draft went with the reload: nothing is left to lose.
      await page.locator('.view-tab[data-view="compose"]').click();
      expect(await page.getByTestId('compose-url').inputValue()).toBe('');
      await page.getByTestId('compose-url').click();
      await page.reload();
      await page.locator('.status-bar .conn-open').waitFor();
      expect(asked).toEqual(['beforeunload']);
    });
  });

  it('does not ask once the draft is sent, and asks again after it is edited', async () => {
    const target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    try {
      await withDialogsAccepted(s, async (page, asked) => {
        await page.locator('.view-tab[data-view="compose"]').click();
        const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/sent-draft`;
        await page.getByTestId('compose-url').fill(url);
        await page.getByTestId('compose-send').click();
        await eventually(async () =>
          expect(await page.getByTestId('compose-sent').innerText()).toMatch(/HTTP 200/),
        );
        await page.reload();
        await page.locator('.status-bar .conn-open').waitFor();
        expect(asked).toEqual([]);

        await page.locator('.view-tab[data-view="compose"]').click();
        await page.getByTestId('compose-url').fill(url);
        await page.getByTestId('compose-send').click();
        await eventually(async () =>
          expect(await page.getByTestId('compose-sent').innerText()).toMatch(/HTTP 200/),
        );
        await page.getByTestId('compose-url').fill(`${url}?edited`);
        await page.reload();
        await page.locator('.status-bar .conn-open').waitFor();
        expect(asked).toEqual(['beforeunload']);
      });
    } finally {
      await new Promise<void>((resolve) => target.close(() => resolve()));
    }
  });
});
