import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, send as rawSend } from '../helpers/raw-http';
import { eventually, openTab, openUi, type UiSession } from './support/ui';

// Every payload tries to run code that would either open a dialog or set window.__xss.
const corpus = [
  `<script>window.__xss=1;alert('script')</script>`,
  `<img src=x onerror="window.__xss=1;alert('img')">`,
  `<svg/onload=window.__xss=1;alert('svg')>`,
  `javascript:window.__xss=1;alert('js-url')`,
  `"><iframe src="javascript:alert('iframe')"></iframe>`,
  `<a href="javascript:alert('link')">click</a>`,
  `{{constructor.constructor('alert(1)')()}}`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>`,
];
const joined = corpus.join(' ');

describe('hostile payloads render as text', () => {
  let s: UiSession;
  let port = 0;
  beforeAll(async () => {
    s = await openUi();
    port = Number(new URL(s.app.receiverUrl).port);
  });
  afterAll(async () => {
    if (!s) return;
    await s.close();
  });

  it('sends the corpus in the path, query, headers, JSON strings and keys, HTML, XML, SVG and multipart filenames', async () => {
    const r = s.app.receiverUrl;
    // Path and query with raw `<`, `>` and quotes: written on the socket, no client escaping.
    await rawExchange(
      port,
      `GET /<script>alert('path')</script>/<img/src=x/onerror=alert(1)>?q=<svg/onload=alert('q')>&"><b>=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    await rawSend(`${r}/xss/headers`, {
      method: 'POST',
      headers: corpus
        .slice(0, 6)
        .map((p, i) => [`X-Evil-${i}`, p.replace(/[\r\n]/g, '')] as [string, string]),
      body: 'plain',
    });
    await rawSend(`${r}/xss/json`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: JSON.stringify({ [corpus[0]!]: corpus, nested: { html: corpus[1], url: corpus[3] } }),
    });
    await rawSend(`${r}/xss/html`, {
      method: 'POST',
      headers: [['Content-Type', 'text/html']],
      body: `<html><body>${joined}</body></html>`,
    });
    await rawSend(`${r}/xss/xml`, {
      method: 'POST',
      headers: [['Content-Type', 'application/xml']],
      body: `<?xml version="1.0"?><root xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert('xml')</x:script><![CDATA[${corpus[1]}]]><a href="javascript:alert(2)">x</a></root>`,
    });
    await rawSend(`${r}/xss/svg`, {
      method: 'POST',
      headers: [['Content-Type', 'image/svg+xml']],
      body: `<svg xmlns="http://www.w3.org/2000/svg" onload="alert('svg-body')"><script>alert('svg-script')</script></svg>`,
    });
    const boundary = 'EvIl';
    await rawSend(`${r}/xss/multipart`, {
      method: 'POST',
      headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
      body:
        `--${boundary}\r\nContent-Disposition: form-data; name="${corpus[0]}"; filename="${corpus[1]!.replace(/"/g, "'")}.png"\r\nContent-Type: text/html\r\n\r\n${corpus[2]}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="f2"; filename="<svg onload=alert(3)>.svg"\r\n\r\n<svg onload=alert(4)></svg>\r\n--${boundary}--\r\n`,
    });
    await rawSend(`${r}/xss/form`, {
      method: 'POST',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: `a[<img src=x onerror=alert(5)>]=${encodeURIComponent(corpus[0]!)}&b=${encodeURIComponent(corpus[3]!)}`,
    });
    const list = await s.app.rpc<{ items: Array<{ path: string }> }>('captures.list', { limit: 50 });
    const paths = list.ok ? list.value.items.map((c) => c.path) : [];
    expect(paths.filter((p) => p.startsWith('/xss/')).sort()).toEqual(
      ['form', 'headers', 'html', 'json', 'multipart', 'svg', 'xml'].map((n) => `/xss/${n}`),
    );
    expect(paths.filter((p) => p.startsWith("/<script>alert('path')"))).toHaveLength(1);
  });

  it('shows every capture in every view without running any of it', async () => {
    const { page } = s;
    await page.reload();
    await eventually(async () => expect(await page.locator('.row[data-capture-id]').count()).toBe(8));
    // The path is visible as the literal characters.
    expect(await page.locator('.row .cell.path').allInnerTexts()).toContainEqual(
      expect.stringContaining("<script>alert('path')</script>"),
    );
    const search = page.getByTestId('search');
    const rows = await page.locator('.row[data-capture-id]').all();
    for (const rowEl of rows) {
      await rowEl.click();
      await page.locator('.detail-pane[data-capture-id]').waitFor();
      for (const tab of ['overview', 'headers', 'query', 'body', 'decoded', 'response'] as const) {
        await openTab(page, tab);
        if (tab === 'body') {
          for (const mode of ['pretty', 'raw', 'hex']) {
            const button = page.locator(`.body-toolbar [data-mode="${mode}"]`);
            if ((await button.count()) === 0) continue;
            await button.click();
            if (mode === 'raw')
              await page.locator('.body-raw .view-lines, .body-raw .notice').first().waitFor();
          }
          const nested = page.locator('.form-view .segmented button', { hasText: 'Nested' });
          if (await nested.count()) await nested.click();
        }
      }
    }
    // Search with a payload, so highlighting splits hostile strings too.
    await search.fill('script');
    await eventually(async () => expect(await page.locator('mark.hl').count()).toBeGreaterThan(0));
    await page.locator('.row[data-capture-id]').first().click();
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // Nothing from the payloads became markup.
    const injected = await page.evaluate(() => ({
      iframes: document.querySelectorAll('iframe').length,
      scripts: [...document.querySelectorAll('script')].filter((el) => !(el as HTMLScriptElement).src).length,
      handlers: [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => /^on/i.test(a.name)),
      ).length,
      jsLinks: [...document.querySelectorAll('[href], [src]')].filter((el) =>
        /javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? ''),
      ).length,
      payloadImgs: document.querySelectorAll('img[src="x"]').length,
    }));
    expect(injected).toEqual({ iframes: 0, scripts: 0, handlers: 0, jsLinks: 0, payloadImgs: 0 });
    expect(s.problems.dialogs).toEqual([]);
    expect(s.problems.cspViolations).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
    expect(s.problems.consoleErrors).toEqual([]);
  });
});
