import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { rawExchange } from '../helpers/raw-http';
import { eventually, monacoText, openTab, selectCapture, useUiSession } from './support/ui';

describe('a request body sent with Transfer-Encoding: gzip, chunked', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
  });

  it('is shown decoded, and the detail says the gzip came from the Transfer-Encoding', async () => {
    const { page } = s;
    const plain = '{"coded":"by transfer"}';
    const zipped = gzipSync(plain);
    const port = Number(new URL(s.app.receiverUrl).port);
    const head =
      'POST /te-gzip-detail HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Transfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n';
    const chunked = Buffer.concat([
      Buffer.from(`${zipped.length.toString(16)}\r\n`),
      zipped,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    expect((await rawExchange(port, Buffer.concat([Buffer.from(head), chunked]))).split('\r\n')[0]).toBe(
      'HTTP/1.1 200 OK',
    );

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
});
