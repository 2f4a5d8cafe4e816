import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { rawExchange } from '../helpers/raw-http';
import { eventually, monacoText, openTab, selectCapture, useUiSession } from './support/ui';

describe('a request body sent with Transfer-Encoding: gzip, chunked', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
  });

  /** POSTs `body` as JSON on a raw socket, in one chunk, with `Transfer-Encoding: <codings>`. */
  async function sent(path: string, codings: string, body: Buffer) {
    const port = Number(new URL(s.app.receiverUrl).port);
    const head =
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Transfer-Encoding: ${codings}\r\nConnection: close\r\n\r\n`;
    const chunked = Buffer.concat([
      Buffer.from(`${body.length.toString(16)}\r\n`),
      body,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    expect((await rawExchange(port, Buffer.concat([Buffer.from(head), chunked]))).split('\r\n')[0]).toBe(
      'HTTP/1.1 200 OK',
    );
  }

  it('is shown decoded, and the detail says the gzip came from the Transfer-Encoding', async () => {
    const { page } = s;
    const plain = '{"coded":"by transfer"}';
    await sent('/te-gzip-detail', 'gzip, chunked', gzipSync(plain));

    await selectCapture(page, '/te-gzip-detail');
    await openTab(page, 'overview');
    await expect(page.getByTestId('body-transfer-coding').innerText()).resolves.toBe(
      'Transfer-Encoding gzip',
    );

    await openTab(page, 'body');
    const note = page.locator('.body-toolbar .pill-info');
    await expect(note.innerText()).resolves.toBe('decoded from Transfer-Encoding gzip');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () => expect((await monacoText(page, '.body-raw')).trim()).toBe(plain));

    await page.locator('[data-testid="body-form"] [data-form="received"]').click();
    await eventually(async () => expect(await note.innerText()).toBe('as received (Transfer-Encoding gzip)'));
  });

  it('says a transfer coding it cannot undo is not supported, and shows the bytes as bytes', async () => {
    const { page } = s;
    const coded = Buffer.from([0x1f, 0x9d, 0x90, 0x7b, 0x22, 0x00, 0x82, 0xc4, 0xa8, 0x01, 0xff, 0xfe]);
    await sent('/te-compress-detail', 'compress, chunked', coded);

    await selectCapture(page, '/te-compress-detail');
    await openTab(page, 'overview');
    await expect(page.getByTestId('body-transfer-coding').innerText()).resolves.toBe(
      'Transfer-Encoding compress',
    );
    await openTab(page, 'body');
    await expect(page.locator('.body-toolbar .pill-info').innerText()).resolves.toBe(
      'Transfer-Encoding "compress" is not supported; showing the bytes as received.',
    );
    expect(await page.getByTestId('body-form').count()).toBe(0);
    await expect(page.locator('.body-toolbar [data-mode="hex"]').getAttribute('class')).resolves.toBe(
      'active',
    );
  });

  it('shows bytes in a coding it cannot undo as bytes, even when they read as JSON', async () => {
    const { page } = s;
    await sent('/te-compress-json', 'compress, chunked', Buffer.from('{"looks":"like json"}'));

    await selectCapture(page, '/te-compress-json');
    await openTab(page, 'body');
    await expect(page.locator('.body-toolbar .pill-info').innerText()).resolves.toBe(
      'Transfer-Encoding "compress" is not supported; showing the bytes as received.',
    );
    await expect(page.locator('.body-view').getAttribute('data-kind')).resolves.toBe('binary');
    await expect(page.locator('.body-toolbar [data-mode="hex"]').getAttribute('class')).resolves.toBe(
      'active',
    );
    expect(await page.getByTestId('json-tree').count()).toBe(0);
  });
});
