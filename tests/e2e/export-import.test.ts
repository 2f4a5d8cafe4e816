import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  eventually,
  expectKeyboardModal,
  openTab,
  row,
  selectCapture,
  send,
  useUiSession,
} from './support/ui';

async function exportVia(page: Page, format: string): Promise<{ name: string; text: string; path: string }> {
  await page.getByTestId('transfer-button').click();
  await page.getByTestId('export-format').selectOption(format);
  await page.getByTestId('export-scope-filter').check();
  await page.getByTestId('export-redact').uncheck();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-run').click(),
  ]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();
  return { name: download.suggestedFilename(), text, path };
}

describe('export and import', () => {
  const s = useUiSession();

  it('HAR export → delete all → HAR import brings the same requests back, marked imported', async () => {
    const { page } = s;
    const r = s.app.receiverUrl;
    await send(r, '/har/json?x=1', {
      method: 'POST',
      body: '{"a":[1,2,3]}',
      headers: { 'content-type': 'application/json', 'X-Trace': 't-1' },
    });
    await send(r, '/har/form', {
      method: 'PUT',
      body: 'k=v&k=w',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await send(r, '/har/get?q=search', { method: 'GET' });
    await row(page, '/har/get').waitFor();
    const before = await s.app.rpc<{
      items: Array<{ id: number; method: string; path: string; query: string }>;
    }>('captures.list', { limit: 10 });
    if (!before.ok) throw new Error(before.error.message);

    const har = await exportVia(page, 'har');
    expect(har.name).toMatch(/\.har$/);
    const doc = JSON.parse(har.text) as {
      log: {
        version: string;
        entries: Array<{ request: { method: string; url: string; postData?: { text: string } } }>;
      };
    };
    expect(doc.log.version).toBe('1.2');
    expect(doc.log.entries).toHaveLength(3);
    expect(doc.log.entries.map((e) => e.request.method).sort()).toEqual(['GET', 'POST', 'PUT']);
    expect(doc.log.entries.find((e) => e.request.method === 'POST')!.request.postData!.text).toBe(
      '{"a":[1,2,3]}',
    );

    await s.app.rpc('captures.deleteAll');
    // The empty state has no list toolbar: it offers the import itself.
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('empty-import').click();
    await page.getByTestId('import-file').setInputFiles(har.path);
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toContain('Imported 3 captures'),
    );
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();

    await row(page, '/har/json').waitFor();
    expect(await row(page, '/har/json').locator('.pill-imported').innerText()).toBe('imported');
    const after = await s.app.rpc<{
      items: Array<{ method: string; path: string; query: string; source: string }>;
    }>('captures.list', { limit: 10, filter: { source: 'imported' } });
    if (!after.ok) throw new Error(after.error.message);
    const key = (c: { method: string; path: string; query: string }) => `${c.method} ${c.path}?${c.query}`;
    expect(after.value.items.map(key).sort()).toEqual(before.value.items.map(key).sort());
    const imported = after.value.items as unknown as Array<{ id: number; path: string }>;
    const json = await s.app.rpc<{ bodyBase64: string; headers: Array<[string, string]> }>('captures.get', {
      id: imported.find((c) => c.path === '/har/json')!.id,
    });
    expect(json.ok && Buffer.from(json.value.bodyBase64, 'base64').toString()).toBe('{"a":[1,2,3]}');
    expect(json.ok && json.value.headers).toContainEqual(['X-Trace', 't-1']);

    // The URL it was sent to, path and query included; not only its origin.
    await selectCapture(page, '/har/json');
    await openTab(page, 'overview');
    const original = page.locator('[data-testid="overview"] dt', { hasText: 'Original URL' });
    expect(await original.locator('+ dd').innerText()).toBe(`${r}/har/json?x=1`);

    // The same file again: nothing doubles, and the message says why nothing came in.
    await page.getByTestId('transfer-button').click();
    await page.getByTestId('import-file').setInputFiles(har.path);
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toBe(
        'Imported 0 captures, left out 3 imported before',
      ),
    );
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();
    const again = await s.app.rpc<{ items: unknown[] }>('captures.list', {
      limit: 10,
      filter: { source: 'imported' },
    });
    expect(again.ok && again.value.items).toHaveLength(3);
  });

  it('exports JSON and a cURL script for the current filter', async () => {
    const { page } = s;
    await page.getByTestId('search').fill('har');
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('3 captures match'),
    );
    const json = await exportVia(page, 'json');
    expect(json.text).toContain('/har/json');
    const curl = await exportVia(page, 'curl');
    expect(curl.text).toContain('curl');
    expect(curl.text).toContain('/har/form');
  });

  it('a bad file gets a clear error and imports nothing', async () => {
    const { page } = s;
    const count = async () => {
      const c = await s.app.rpc<{ count: number }>('captures.count', {});
      return c.ok ? c.value.count : -1;
    };
    const n = await count();
    await page.getByTestId('transfer-button').click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'broken.har', mimeType: 'application/json', buffer: Buffer.from('{"log":') });
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toContain('Not a HAR file'),
    );
    expect(await count()).toBe(n);
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();
  });

  it('an entry whose body HAR gives only as params is rebuilt, or imported with a warning naming it', async () => {
    const { page } = s;
    const entry = (path: string, mimeType: string) => ({
      startedDateTime: '2026-11-20T10:00:00.000Z',
      request: {
        method: 'POST',
        url: `https://example.com${path}`,
        headers: [],
        postData: { mimeType, params: [{ name: 'a', value: 'b c' }] },
      },
    });
    const har = {
      log: {
        entries: [
          entry('/params/form', 'application/x-www-form-urlencoded'),
          entry('/params/multi', 'multipart/form-data'),
        ],
      },
    };
    await page.getByTestId('transfer-button').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'params.har',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(har)),
    });
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toMatch(
        /^Imported 2 captures, 1 with warnings — entries\[1\]\.request\.postData: only params, no text/,
      ),
    );
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();
    const list = await s.app.rpc<{ items: Array<{ id: number; path: string }> }>('captures.list', {
      limit: 10,
      filter: { source: 'imported' },
    });
    if (!list.ok) throw new Error(list.error.message);
    const form = await s.app.rpc<{ bodyBase64: string }>('captures.get', {
      id: list.value.items.find((c) => c.path === '/params/form')!.id,
    });
    expect(form.ok && Buffer.from(form.value.bodyBase64, 'base64').toString()).toBe('a=b+c');
  });

  it('an entry whose startedDateTime is not a date is imported at the import time, with a warning naming it', async () => {
    const { page } = s;
    const har = {
      log: {
        entries: [
          {
            startedDateTime: '23/11/2026 10:00',
            request: { method: 'POST', url: 'https://example.com/bad-date', headers: [] },
          },
        ],
      },
    };
    await page.getByTestId('transfer-button').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'dates.har',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(har)),
    });
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toBe(
        'Imported 1 capture, 1 with warnings — entries[0].startedDateTime: not an ISO 8601 date and time ("23/11/2026 10:00"); used the import time',
      ),
    );
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();
  });

  it('long imports and exports show progress, n of N, as their chunks land', async () => {
    const { page } = s;
    await page.getByTestId('search').fill('');
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).not.toMatch(/match/),
    );
    const n = 1200; // several import chunks (200 entries) and export chunks (500 captures)
    const entries = Array.from({ length: n }, (_, i) => ({
      startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
      request: {
        method: 'POST',
        url: `https://example.test/bulk/${i}`,
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        postData: { mimeType: 'application/json', text: `{"n":${i}}` },
      },
    }));
    const har = Buffer.from(JSON.stringify({ log: { version: '1.2', entries } }));
    // Every state the progress bar shows, recorded in the page as it renders.
    await page.evaluate(() => {
      const seen: Array<{ text: string; now: number; max: number }> = [];
      (window as unknown as { __progress: typeof seen }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="transfer-progress"]');
        const text = bar?.getAttribute('aria-valuetext');
        if (!bar || !text || seen.at(-1)?.text === text) return;
        seen.push({
          text,
          now: Number(bar.getAttribute('aria-valuenow')),
          max: Number(bar.getAttribute('aria-valuemax')),
        });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const progress = async (label: string) =>
      (
        await page.evaluate(
          () =>
            (window as unknown as { __progress: Array<{ text: string; now: number; max: number }> })
              .__progress,
        )
      ).filter((p) => p.text.startsWith(label));

    await page.getByTestId('transfer-button').click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'bulk.har', mimeType: 'application/json', buffer: har });
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toContain(
        `Imported ${n.toLocaleString('en-US')} captures`,
      ),
    );
    const imported = await progress('Importing');
    expect(imported.map((p) => p.max)).toEqual(imported.map(() => n));
    const midImport = imported.filter((p) => p.now > 0 && p.now < n);
    expect(midImport.length).toBeGreaterThan(0);
    expect(midImport[0]!.text).toMatch(/^Importing [\d,]+ of 1,200$/);
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();

    const stored = await s.app.rpc<{ count: number }>('captures.count', {});
    if (!stored.ok) throw new Error(stored.error.message);
    const total = stored.value.count;
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe(
        `${total.toLocaleString('en-US')} captures`,
      ),
    );
    const har2 = await exportVia(page, 'har');
    const exported = await progress('Exporting');
    const midExport = exported.filter((p) => p.now > 0 && p.now < p.max);
    expect(midExport.length).toBeGreaterThan(0);
    expect(midExport[0]!.text).toMatch(/^Exporting [\d,]+ of [\d,]+$/);
    expect(midExport.every((p) => p.max === total)).toBe(true);
    expect((JSON.parse(har2.text) as { log: { entries: unknown[] } }).log.entries).toHaveLength(total);
  });
  it('the export dialog keeps Tab inside, closes on Escape and gives focus back to its opener', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/kbd-transfer', { method: 'POST', body: 'x' });
    await row(page, '/kbd-transfer').waitFor();
    await expectKeyboardModal(page, page.getByTestId('transfer-button'), page.getByTestId('transfer-dialog'));
  });
});
