import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe('a compression bomb left out of captures.get', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
  });

  it('says why it is not decoded, and still shows the bytes as received', async () => {
    const { page } = s;
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x7b)); // past the 64 MB decode cap
    await send(s.app.receiverUrl, '/bomb-body', {
      method: 'POST',
      body: bomb,
      headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
    });
    await selectCapture(page, '/bomb-body');
    await openTab(page, 'body');
    await eventually(async () =>
      expect(await page.getByTestId('body-read-error').innerText()).toMatch(/exceed 64 MB/),
    );
    await page.locator('[data-testid="body-form"] [data-form="received"]').click();
    await page.locator('.body-toolbar [data-mode="hex"]').click();
    await eventually(async () =>
      expect(await page.locator('.hex-row .hex-bytes').first().innerText()).toMatch(/^1f 8b/),
    );
  });
});
