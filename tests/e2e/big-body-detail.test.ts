import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const hexOf = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** About 10 MB of text lines, a marker near the end. */
function bigText(marker: string): Buffer {
  const lines: string[] = [];
  for (let i = 0; lines.length < 160_000; i++) lines.push(`line ${i} ${'abcdefghij'.repeat(6)}`);
  return Buffer.from(`${lines.join('\n')}\n${marker}\ntail`);
}

/** The size of every `captures.get` answer the page reads while `open` runs. */
async function capturesGetSizes(page: Page, open: () => Promise<void>): Promise<number[]> {
  const reads: Promise<number>[] = [];
  const onResponse = (response: Response) => {
    const request = response.request();
    if (!request.url().endsWith('/api/rpc') || !request.postData()?.includes('"captures.get"')) return;
    reads.push(response.body().then((body) => body.length));
  };
  page.on('response', onResponse);
  try {
    await open();
  } finally {
    page.off('response', onResponse);
  }
  return Promise.all(reads);
}

async function downloadBody(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.detail-actions button', { hasText: 'Download body' }).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The hexdump row at `offset`, scrolled to the end of the view to find it: its bytes as shown. */
async function lastHexRow(page: Page, offset: number): Promise<string> {
  const row = page.locator('.hex-row', {
    has: page.locator('.hex-offset', { hasText: offset.toString(16).padStart(8, '0') }),
  });
  return eventually(async () => {
    await page.getByTestId('hex-view').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    expect(await row.count()).toBe(1);
    return (await row.locator('.hex-bytes').innerText()).trim().split(/\s+/).join(' ');
  });
}

describe('a capture with a very large body', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
  });

  it('opens from a small captures.get answer and shows the body, read apart as bytes, byte for byte', async () => {
    const { page } = s;
    const body = bigText('NEAR-THE-END-MARKER');
    await send(s.app.receiverUrl, '/big-body-10mb', {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain' },
    });
    const sizes = await capturesGetSizes(page, async () => {
      await selectCapture(page, '/big-body-10mb');
      await openTab(page, 'body');
      await page.getByTestId('text-body').waitFor();
    });
    expect(sizes.length).toBeGreaterThan(0);
    // The body (≈10 MB, ≈14 MB as base64) is not in the answer: headers and fields only.
    for (const size of sizes) expect(size).toBeLessThan(64 * 1024);

    expect(await page.getByTestId('text-body').innerText()).toMatch(/^line 0 abcdefghij/);
    await page.locator('.body-toolbar [data-mode="hex"]').click();
    const start = Math.floor((body.length - 1) / 16) * 16;
    expect(await lastHexRow(page, start)).toBe(hexOf(body.subarray(start)));
    expect(sha256(await downloadBody(page))).toBe(sha256(body));
  });

  it('a big gzip body left out of captures.get shows decoded, and as received on asking', async () => {
    const { page } = s;
    const text = Buffer.from(`${'gzip me '.repeat(1_300_000)}GZIP-MARKER`);
    const zipped = gzipSync(text);
    // Small as received, big once decoded: still left out, since the decoded form would be in the answer.
    expect(zipped.length).toBeLessThan(64 * 1024);
    await send(s.app.receiverUrl, '/big-gzip-body', {
      method: 'POST',
      body: zipped,
      headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
    });
    const sizes = await capturesGetSizes(page, async () => {
      await selectCapture(page, '/big-gzip-body');
      await openTab(page, 'body');
      await page.getByTestId('text-body').waitFor();
    });
    for (const size of sizes) expect(size).toBeLessThan(64 * 1024);
    expect(await page.getByTestId('text-body').innerText()).toMatch(/^gzip me gzip me /);
    expect(await page.locator('.detail-body').innerText()).toContain('decoded from gzip');
    expect(sha256(await downloadBody(page))).toBe(sha256(text));

    await page.locator('[data-testid="body-form"] [data-form="received"]').click();
    await page.locator('.body-toolbar [data-mode="hex"]').click();
    await eventually(async () =>
      expect(await page.locator('.hex-row .hex-bytes').first().innerText()).toMatch(/^1f 8b/),
    );
    expect(sha256(await downloadBody(page))).toBe(sha256(zipped));
  });
});
