import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { send as rawSend } from '../helpers/raw-http';
import { eventually, monacoText, openTab, selectCapture, useUiSession } from './support/ui';

const hexOf = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));

describe('a recorded response sent with a Content-Encoding', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
  });

  it('is shown decoded, with the note and the Decoded / Received choice a request body has', async () => {
    const { page } = s;
    const plain = '{"answer":"zipped"}';
    const zipped = gzipSync(plain);
    const created = await s.app.rpc('endpoints.create', {
      slug: 'gzip-answer',
      name: 'Gzip answer',
      rule: {
        status: 200,
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Encoding', 'gzip'],
        ],
        body: zipped.toString('base64'),
        bodyEncoding: 'base64',
        delayMs: 0,
        behaviour: { kind: 'fixed' },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    await rawSend(`${s.app.receiverUrl}/h/gzip-answer`, { method: 'POST', body: '{}' });

    await selectCapture(page, '/h/gzip-answer');
    await openTab(page, 'response');
    const note = page.locator('.response-body .body-toolbar .pill-info');
    await expect(note.innerText()).resolves.toBe('decoded from gzip');
    await page.locator('.response-body .body-toolbar [data-mode="raw"]').click();
    await eventually(async () =>
      expect((await monacoText(page, '.response-body .body-raw')).trim()).toBe(plain),
    );

    await page.locator('.response-body [data-testid="body-form"] [data-form="received"]').click();
    await eventually(async () => expect(await note.innerText()).toBe('as received (gzip)'));
    await page.locator('.response-body .body-toolbar [data-mode="hex"]').click();
    const firstRow = page.locator('.response-body .hex-row').first();
    await eventually(async () =>
      expect((await firstRow.locator('.hex-bytes').innerText()).split(/\s+/)).toEqual(
        hexOf(zipped.subarray(0, 16)),
      ),
    );
  });

  it('says why it is shown as received when the coding is not one Hookscope undoes', async () => {
    const { page } = s;
    const created = await s.app.rpc('endpoints.create', {
      slug: 'compress-answer',
      name: 'Compress answer',
      rule: {
        status: 200,
        headers: [['Content-Encoding', 'compress']],
        body: 'plain',
        delayMs: 0,
        behaviour: { kind: 'fixed' },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    await rawSend(`${s.app.receiverUrl}/h/compress-answer`, { method: 'POST', body: '{}' });

    await selectCapture(page, '/h/compress-answer');
    await openTab(page, 'response');
    await expect(page.locator('.response-body .body-toolbar .pill-info').innerText()).resolves.toContain(
      'Content-Encoding "compress" is not supported',
    );
    expect(await page.locator('.response-body [data-testid="body-form"]').count()).toBe(0);
  });
});
