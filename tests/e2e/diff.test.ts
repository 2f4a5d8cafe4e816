import { describe, expect, it } from 'vitest';
import { rawExchange } from '../helpers/raw-http';
import { eventually, monacoText, row, send, useUiSession } from './support/ui';

describe('diff', () => {
  const s = useUiSession();

  it('compares two captures: headers and body, JSON key order normalised unless raw', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/diff/a', {
      method: 'POST',
      body: '{"b":2,"a":1,"c":"same"}',
      headers: { 'content-type': 'application/json', 'X-Side': 'left' },
    });
    await send(s.app.receiverUrl, '/diff/b', {
      method: 'POST',
      body: '{"a":1,"c":"changed","b":2}',
      headers: { 'content-type': 'application/json', 'X-Side': 'right' },
    });
    await row(page, '/diff/b').waitFor();
    await row(page, '/diff/a').click();
    await row(page, '/diff/b').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    await page.getByTestId('diff-view').waitFor();
    expect(page.url()).toMatch(/diff=\d+%2C\d+|diff=\d+,\d+/);

    const side = (pane: string, which: 'original' | 'modified') =>
      page
        .locator(`[data-testid="${pane}"] .editor.${which} .lines-content > .view-lines`)
        .innerText()
        .then((t) => t.replace(/\u00a0/g, ' '));
    await eventually(async () => expect(await side('diff-body', 'original')).toContain('"a": 1'));
    const left = await side('diff-body', 'original');
    const right = await side('diff-body', 'modified');
    // Normalised: both sides list keys a, b, c in order, so only the "c" line differs.
    expect(left.split('\n').map((l) => l.trim())).toEqual(['{', '"a": 1,', '"b": 2,', '"c": "same"', '}']);
    expect(right.split('\n').map((l) => l.trim())).toEqual([
      '{',
      '"a": 1,',
      '"b": 2,',
      '"c": "changed"',
      '}',
    ]);
    expect(await side('diff-headers', 'original')).toContain('X-Side: left');
    expect(await side('diff-headers', 'modified')).toContain('X-Side: right');
    expect(await side('diff-headers', 'original')).toContain('POST /diff/a HTTP/1.1');

    await page.getByTestId('diff-normalise').uncheck();
    await eventually(async () =>
      expect((await side('diff-body', 'original')).trim()).toBe('{"b":2,"a":1,"c":"same"}'),
    );
    expect((await side('diff-body', 'modified')).trim()).toBe('{"a":1,"c":"changed","b":2}');

    await page.locator('[data-testid="diff-view"] button', { hasText: 'Close' }).click();
    await eventually(async () => expect(await page.getByTestId('diff-view').count()).toBe(0));
  });

  it('binary bodies over 64 KB: the hex window opens at the first difference, and says so', async () => {
    const { page } = s;
    // Not text in any charset: NULs and bytes that are not UTF-8.
    const a = Buffer.alloc(80_000).map((_, i) => (i % 7 === 0 ? 0 : 0xff - (i % 50)));
    const b = Buffer.from(a);
    b[70_000] = 0x01;
    for (const [path, body] of [
      ['/diff-bin/a', a],
      ['/diff-bin/b', b],
    ] as const)
      await send(s.app.receiverUrl, path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/octet-stream' },
      });
    await row(page, '/diff-bin/b').waitFor();
    await row(page, '/diff-bin/a').click();
    await row(page, '/diff-bin/b').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    const note = page.getByTestId('diff-hex-window');
    await eventually(async () =>
      expect(await note.innerText()).toContain('the first difference is at byte 70,000 (0x11170)'),
    );
    const first = page.locator('[data-testid="diff-body"] .editor.original .view-lines .view-line').first();
    // The last 64 KB (the window stops at the end), which holds the difference; the first 64 KB did not.
    expect(await note.innerText()).toContain('Hex shown for bytes 00003880–00013880');
    await eventually(async () => expect(await first.innerText()).toMatch(/^00003880/));
  });

  it('a pair that cannot load says why and can be closed; opening another pair then shows that pair', async () => {
    const { page } = s;
    for (const path of ['/diff-gone/a', '/diff-gone/b'])
      await send(s.app.receiverUrl, path, {
        method: 'POST',
        body: path,
        headers: { 'content-type': 'text/plain' },
      });
    await row(page, '/diff-gone/b').waitFor();
    const id = (path: string) => row(page, path).getAttribute('data-capture-id');
    const [a, b] = [await id('/diff-gone/a'), await id('/diff-gone/b')];
    const openDiff = (pair: string) => page.evaluate((p) => (window.location.hash = `diff=${p}`), pair);

    await openDiff(`${a},999999`);
    await eventually(async () =>
      expect(await page.locator('.detail-wrap .notice-error').innerText()).toBe('No capture with id 999999.'),
    );
    await openDiff(`${a},${b}`);
    await eventually(async () =>
      expect(
        await monacoText(page, '[data-testid="diff-headers"] .editor.modified .lines-content >'),
      ).toContain('POST /diff-gone/b HTTP/1.1'),
    );
    expect(await page.locator('.detail-wrap .notice-error').count()).toBe(0);

    await openDiff(`999998,${b}`);
    await page.getByTestId('diff-error').waitFor();
    await page.locator('[data-testid="diff-view"] button', { hasText: 'Close' }).click();
    await eventually(async () => expect(await page.getByTestId('diff-view').count()).toBe(0));
    expect(page.url()).not.toContain('diff=');
  });

  it('header values sent as UTF-8 bytes read as their text, as in the detail pane', async () => {
    const { page } = s;
    const port = Number(new URL(s.app.receiverUrl).port);
    for (const [path, name] of [
      ['/diff-utf8/a', 'José'],
      ['/diff-utf8/b', 'Zoë'],
    ])
      await rawExchange(
        port,
        Buffer.from(
          `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Name: ${name}\r\nConnection: close\r\n\r\n`,
          'utf8',
        ),
      );
    await row(page, '/diff-utf8/b').waitFor();
    await row(page, '/diff-utf8/a').click();
    await row(page, '/diff-utf8/b').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    const side = (which: string) =>
      monacoText(page, `[data-testid="diff-headers"] .editor.${which} .lines-content >`);
    await eventually(async () => expect(await side('original')).toContain('X-Name: José'));
    await eventually(async () => expect(await side('modified')).toContain('X-Name: Zoë'));
  });

  it('lists headers by name on request, so two senders that order them differently show only real differences', async () => {
    const { page } = s;
    const port = Number(new URL(s.app.receiverUrl).port);
    for (const [path, headers] of [
      ['/diff-order/a', 'Host: x\r\nX-B: 2\r\nX-A: 1\r\nX-Same: s\r\n'],
      ['/diff-order/b', 'Host: x\r\nX-Same: s\r\nX-A: 1\r\nX-B: 3\r\n'],
    ])
      await rawExchange(port, Buffer.from(`GET ${path} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`));
    await row(page, '/diff-order/b').waitFor();
    await row(page, '/diff-order/a').click();
    await row(page, '/diff-order/b').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    const side = (which: string) =>
      monacoText(page, `[data-testid="diff-headers"] .editor.${which} .lines-content >`).then((text) =>
        text.split('\n').slice(1),
      );
    // As sent by default.
    await eventually(async () =>
      expect(await side('original')).toEqual([
        'Host: x',
        'X-B: 2',
        'X-A: 1',
        'X-Same: s',
        'Connection: close',
      ]),
    );
    await page.getByTestId('diff-header-order').check();
    await eventually(async () =>
      expect(await side('original')).toEqual([
        'Connection: close',
        'Host: x',
        'X-A: 1',
        'X-B: 2',
        'X-Same: s',
      ]),
    );
    expect(await side('modified')).toEqual(['Connection: close', 'Host: x', 'X-A: 1', 'X-B: 3', 'X-Same: s']);
  });

  it('says when a side was truncated at the size limit, so equal stored bodies are not taken for equal bodies', async () => {
    const { page } = s;
    const before = await s.app.rpc<{ bodyLimitBytes: number }>('settings.get', {});
    if (!before.ok) throw new Error(before.error.message);
    await s.app.rpc('settings.update', { bodyLimitBytes: 1024 });
    try {
      for (const [path, mark] of [
        ['/diff-cut/a', 'x'],
        ['/diff-cut/b', 'y'],
      ] as const)
        await send(s.app.receiverUrl, path, {
          method: 'POST',
          body: 'A'.repeat(1500) + mark + 'B'.repeat(499),
          headers: { 'content-type': 'text/plain' },
        });
    } finally {
      await s.app.rpc('settings.update', { bodyLimitBytes: before.value.bodyLimitBytes });
    }
    await row(page, '/diff-cut/b').waitFor();
    await row(page, '/diff-cut/a').click();
    await row(page, '/diff-cut/b').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    const notes = page.getByTestId('diff-truncated');
    await eventually(async () => expect(await notes.count()).toBe(2));
    expect(await notes.first().innerText()).toMatch(
      /^#\d+ was truncated at the size limit: only its first 1\.0 KB of 2\.0 KB/,
    );
  });

  it('a binary body over 64 KB beside a text one: says the hex stops after its first 64 KB', async () => {
    const { page } = s;
    const binary = Buffer.alloc(100_000).map((_, i) => (i % 5 === 0 ? 0 : 0x80 + (i % 60)));
    await send(s.app.receiverUrl, '/diff-half/bin', {
      method: 'POST',
      body: binary,
      headers: { 'content-type': 'application/octet-stream' },
    });
    await send(s.app.receiverUrl, '/diff-half/text', {
      method: 'POST',
      body: 'just text',
      headers: { 'content-type': 'text/plain' },
    });
    await row(page, '/diff-half/text').waitFor();
    const id = await row(page, '/diff-half/bin').getAttribute('data-capture-id');
    await row(page, '/diff-half/bin').click();
    await row(page, '/diff-half/text').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    await eventually(async () =>
      expect(await page.getByTestId('diff-hex-window').innerText()).toBe(
        `Hex shown for bytes 00000000–00010000 of #${id}'s 100,000.`,
      ),
    );
  });

  it('shows trailer fields, so two captures that differ only in a trailer do not look the same', async () => {
    const { page } = s;
    const port = Number(new URL(s.app.receiverUrl).port);
    for (const [path, sum] of [
      ['/diff-trailer/a', 'aaa'],
      ['/diff-trailer/b', 'bbb'],
    ])
      await rawExchange(
        port,
        Buffer.from(
          `POST ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\nConnection: close\r\n\r\n` +
            `2\r\nhi\r\n0\r\nX-Sum: ${sum}\r\n\r\n`,
        ),
      );
    await row(page, '/diff-trailer/b').waitFor();
    await row(page, '/diff-trailer/a').click();
    await row(page, '/diff-trailer/b').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    const side = (which: string) =>
      monacoText(page, `[data-testid="diff-headers"] .editor.${which} .lines-content >`);
    await eventually(async () => expect(await side('original')).toContain('X-Sum: aaa'));
    expect(await side('modified')).toContain('X-Sum: bbb');
  });

  it('says when a JSON key is written twice, which the sorted view shows only once', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/diff-dup/a', {
      method: 'POST',
      body: '{"amount":100,"amount":5}',
      headers: { 'content-type': 'application/json' },
    });
    await send(s.app.receiverUrl, '/diff-dup/b', {
      method: 'POST',
      body: '{"amount":5}',
      headers: { 'content-type': 'application/json' },
    });
    await row(page, '/diff-dup/b').waitFor();
    const id = await row(page, '/diff-dup/a').getAttribute('data-capture-id');
    await row(page, '/diff-dup/a').click();
    await row(page, '/diff-dup/b').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    await page.getByTestId('diff-view').waitFor();
    const notice = page.getByTestId('diff-duplicate-keys');
    await eventually(async () => expect(await notice.count()).toBe(1));
    expect(await notice.innerText()).toContain(`#${id} writes key "amount" 2 times in $`);
    await page.getByTestId('diff-normalise').uncheck();
    await eventually(async () => expect(await notice.count()).toBe(0));
  });

  it('closes when one of the two captures is deleted', async () => {
    const { page } = s;
    for (const path of ['/diff-del/a', '/diff-del/b'])
      await send(s.app.receiverUrl, path, {
        method: 'POST',
        body: path,
        headers: { 'content-type': 'text/plain' },
      });
    await row(page, '/diff-del/b').waitFor();
    const id = Number(await row(page, '/diff-del/b').getAttribute('data-capture-id'));
    await row(page, '/diff-del/a').click();
    await row(page, '/diff-del/b').click({ modifiers: ['Control'] });
    await page.getByTestId('diff-button').click();
    await page.getByTestId('diff-view').waitFor();
    const deleted = await s.app.rpc('captures.delete', { ids: [id] });
    expect(deleted.ok).toBe(true);
    await eventually(async () => expect(await page.getByTestId('diff-view').count()).toBe(0));
    expect(page.url()).not.toContain('diff=');
  });
});
