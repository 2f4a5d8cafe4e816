import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTunnelModule } from '../../electron/engine/tunnel/module';
import { rawExchange, send as rawSend } from '../helpers/raw-http';
import { FakeProvider, flush } from '../unit/tunnel/fake-provider';
import { eventually, monacoText, openTab, row, selectCapture, send, useUiSession } from './support/ui';

const hexOf = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));

describe('capture detail', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
  });

  it('JSON: tree in Pretty, the exact text in Raw (Monaco), bytes in Hex; headers keep order, case and duplicates', async () => {
    const { page } = s;
    const body = '{"zeta":1,"alpha":{"list":[true,null,"two"]},"name":"Ünïcode"}';
    // node:http with array headers: duplicates and case go on the wire as written (fetch would merge them).
    await rawSend(`${s.app.receiverUrl}/json-detail?b=2&a=1&a=3`, {
      method: 'POST',
      body,
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Dup', 'first'],
        ['x-dup', 'second'],
        ['X-MiXeD-Case', 'v'],
      ],
    });
    await selectCapture(page, '/json-detail');
    await openTab(page, 'body');
    const tree = page.getByTestId('json-tree');
    await tree.waitFor();
    const treeText = await tree.innerText();
    expect(treeText).toContain('zeta');
    expect(treeText).toContain('"Ünïcode"');
    expect(treeText).toContain('"two"');
    expect(treeText.indexOf('zeta')).toBeLessThan(treeText.indexOf('alpha'));

    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () => expect((await monacoText(page, '.body-raw')).trim()).toBe(body));

    await page.locator('.body-toolbar [data-mode="hex"]').click();
    const firstRow = page.locator('.hex-row').first();
    const bytes = new TextEncoder().encode(body);
    expect((await firstRow.locator('.hex-bytes').innerText()).split(/\s+/)).toEqual(
      hexOf(bytes.subarray(0, 16)),
    );
    expect(await firstRow.locator('.hex-ascii').innerText()).toBe(body.slice(0, 16));

    await openTab(page, 'headers');
    const names = await page.locator('.pairs-table .pair-name').allInnerTexts();
    const dupIndex = names.findIndex((n) => n.startsWith('X-Dup'));
    expect(names[dupIndex]).toContain('X-Dup');
    expect(names[dupIndex + 1]).toMatch(/^x-dup/);
    expect(names.some((n) => n.startsWith('X-MiXeD-Case'))).toBe(true);
    expect(await page.locator('.pairs-table tr', { hasText: 'second' }).count()).toBe(1);

    await openTab(page, 'query');
    expect(
      (await page.locator('.pairs-table .pair-name').allInnerTexts()).map((n) => n.replace(/dup$/, '')),
    ).toEqual(['b', 'a', 'a']);
    expect(await page.locator('.pairs-table .pair-value').allInnerTexts()).toEqual(['2', '1', '3']);

    await openTab(page, 'overview');
    const overview = await page.getByTestId('overview').innerText();
    expect(overview).toContain(`${s.app.receiverUrl}/json-detail?b=2&a=1&a=3`);
    expect(overview).toContain('127.0.0.1');
  });

  it('tab lists are one Tab stop each, walked with ←/→ (Home/End), and the JSON tree names what each toggle opens', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/tab-keys?x=1', {
      body: '{"alpha":{"beta":1}}',
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/tab-keys');
    await openTab(page, 'overview');
    const detailTabs = page.getByRole('tablist', { name: 'Capture detail' });
    const selected = async () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') === 'true'
          ? (el.getAttribute('data-tab') ?? el.getAttribute('data-mode'))
          : `not a selected tab: ${el.outerHTML.slice(0, 80)}`;
      });
    expect(await detailTabs.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await detailTabs.locator('[role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await selected()).toBe('headers'));
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await selected()).toBe('overview'));
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await selected()).toBe('response'));
    await page.keyboard.press('Home');
    await eventually(async () => expect(await selected()).toBe('overview'));
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await selected()).toBe('body'));
    await page.getByTestId('json-tree').waitFor();
    await page.getByRole('button', { name: 'Collapse alpha' }).click();
    await page.getByRole('button', { name: 'Expand alpha' }).waitFor();

    const bodyTabs = page.getByRole('tablist', { name: 'Body view' });
    await bodyTabs.locator('[role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await selected()).toBe('raw'));
    await page.keyboard.press('Shift+Tab');
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('[role="tablist"]')?.getAttribute('aria-label'),
      ),
    ).not.toBe('Body view');
  });

  it("a field table's Copy buttons are reached with Tab, one row after the other, and show when focused", async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/form-copy', {
      method: 'POST',
      body: 'one=1&two=2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await selectCapture(page, '/form-copy');
    await openTab(page, 'body');
    const copies = page.locator('.pairs-table .pair-copy').getByRole('button', { name: 'Copy' });
    await eventually(async () => expect(await copies.count()).toBe(2));
    await copies.nth(0).focus();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return { title: el.getAttribute('title'), opacity: getComputedStyle(el).opacity };
      });
    expect(await focused()).toEqual({ title: 'Copy value of two', opacity: '1' });
  });

  it('a JSON body of 500 objects opens one level at first (not 7,000 lines); each item still expands', async () => {
    const { page } = s;
    const items = Array.from({ length: 500 }, (_, i) => ({
      id: i,
      tags: ['a', 'b'],
      addr: { zip: `z${i}` },
    }));
    await send(s.app.receiverUrl, '/json-wide', {
      method: 'POST',
      body: JSON.stringify(items),
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/json-wide');
    await openTab(page, 'body');
    const tree = page.getByTestId('json-tree');
    await tree.waitFor();
    // The root, its 500 items (closed) and the closing bracket.
    expect(await tree.locator('.json-line').count()).toBe(502);
    await page.getByRole('button', { name: 'Expand 499' }).click();
    await page.getByRole('button', { name: 'Expand addr' }).click();
    await eventually(async () => expect(await tree.innerText()).toContain('zip: "z499"'));
  });

  it('the header shows the whole path and status; the actions wrap below rather than cover them', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/h/shop/orders/2202?attempt=1', { method: 'POST', body: '{}' });
    await selectCapture(page, '/h/shop/orders/2202');
    const path = page.locator('.detail-pane .detail-path');
    await path.waitFor({ state: 'attached' });
    const fit = await path.evaluate((el) => ({ shown: el.clientWidth, needed: el.scrollWidth }));
    expect(fit.shown).toBeGreaterThanOrEqual(fit.needed);
    const title = (await page.locator('.detail-pane .detail-title').boundingBox())!;
    const status = (await page.locator('.detail-pane .detail-title .status-badge').boundingBox())!;
    const actions = (await page.locator('.detail-pane .detail-actions').boundingBox())!;
    const apart = (a: typeof title, b: typeof title) =>
      a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    expect(apart(title, actions)).toBe(true);
    expect(status.x + status.width).toBeLessThanOrEqual(title.x + title.width + 0.5);
  });

  it('JSON that writes a key twice: Pretty says which key, since its tree can show only the last value', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/json-dupe', {
      method: 'POST',
      body: '{"a":1,"b":{"c":true},"a":2}',
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/json-dupe');
    await openTab(page, 'body');
    await page.getByTestId('json-tree').waitFor();
    expect(await page.getByTestId('json-duplicate-keys').innerText()).toMatch(
      /^Key "a" is written 2 times in \$/,
    );
  });

  it('form-urlencoded: a field table in order, and the bracket nesting', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/form-detail', {
      method: 'POST',
      body: 'first=a+b&contact%5Bemail%5D=x%40y.z&contact[tags][]=vip&contact[tags][]=new&first=again',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await selectCapture(page, '/form-detail');
    await openTab(page, 'body');
    await page.locator('.pairs-table').waitFor();
    const names = (await page.locator('.pairs-table .pair-name').allInnerTexts()).map((n) =>
      n.replace(/dup$/, ''),
    );
    expect(names).toEqual(['first', 'contact[email]', 'contact[tags][]', 'contact[tags][]', 'first']);
    expect(await page.locator('.pairs-table .pair-name .pill-dupe').count()).toBe(4);
    expect(await page.locator('.pairs-table .pair-value').allInnerTexts()).toEqual([
      'a b',
      'x@y.z',
      'vip',
      'new',
      'again',
    ]);
    // Which view shows is said to assistive technology too, not only by the button's colour.
    const asView = page.getByRole('group', { name: 'Form fields as' });
    expect(await asView.getByRole('button', { name: 'Fields', pressed: true }).count()).toBe(1);
    await asView.getByRole('button', { name: 'Nested', pressed: false }).click();
    expect(await asView.getByRole('button', { name: 'Nested', pressed: true }).count()).toBe(1);
    expect(await asView.getByRole('button', { name: 'Fields', pressed: false }).count()).toBe(1);
    const nested = await page.getByTestId('form-nested').innerText();
    expect(nested).toMatch(/contact:\s*\{/);
    expect(nested).toContain('email: "x@y.z"');
    expect(nested).toMatch(/tags:\s*\[/);
    expect(nested).toContain('0: "vip"');
    expect(nested).toContain('1: "new"');
  });

  /**
   * Captures a form of `count` fields `field<i>=v<i>` and opens its Body tab. Returns the most table rows the page
   * added in one go (one DOM commit) since: drawing a thousand at once blocked the page for a quarter of a second.
   */
  /** Opens a form of `count` fields in the Body tab; says whether its body was decoded in a worker. */
  const openFormBody = async (path: string, count: number) => {
    const workers: string[] = [];
    const onWorker = (worker: { url(): string }) => workers.push(worker.url());
    s.page.on('worker', onWorker);
    const fields = Array.from({ length: count }, (_, i) => `field${i}=v${i}`);
    await send(s.app.receiverUrl, path, {
      method: 'POST',
      body: fields.join('&'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await selectCapture(s.page, path);
    await openTab(s.page, 'body');
    await s.page.locator('.pairs-table').waitFor();
    s.page.off('worker', onWorker);
    return { decodedInWorker: workers.some((url) => url.includes('body-decode')) };
  };
  /** Rows are virtualized: the table says how many it holds, and only those on screen are in the DOM. */
  const rowCount = () => s.page.locator('.pairs-table').getAttribute('aria-rowcount').then(Number);
  const rowsInDom = () => s.page.locator('.pairs-table tr[data-index]').count();
  const scrollToEnd = () =>
    s.page.getByTestId('body-pretty').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });

  it('a form with thousands of fields shows the first thousand, says so, and shows more on request', async () => {
    const { page } = s;
    expect((await openFormBody('/form-many', 2_500)).decodedInWorker).toBe(false);
    const more = page.getByTestId('pairs-more');
    await expect(more.innerText()).resolves.toContain('Showing the first 1,000 of 2,500 form fields');
    expect(await page.locator('.pairs-table .pair-name').first().innerText()).toBe('field0');
    expect(await rowCount()).toBe(1_000);
    await more.getByRole('button', { name: 'Show 1,000 more' }).click();
    await eventually(async () => expect(await rowCount()).toBe(2_000));
    await more.getByRole('button', { name: 'Show 500 more' }).click();
    await eventually(async () => expect(await rowCount()).toBe(2_500));
    expect(await more.count()).toBe(0);
    expect(await rowsInDom()).toBeLessThan(200);
    await scrollToEnd();
    const last = page.locator('.pairs-table tr[aria-rowindex="2500"]');
    await expect(last.locator('.pair-name').innerText()).resolves.toBe('field2499');
    expect(await last.locator('.pair-value').innerText()).toBe('v2499');
    expect(await last.locator('.pair-index').innerText()).toBe('2500');
    expect(await rowsInDom()).toBeLessThan(200);
  });

  it('a 10 MB form is decoded in a worker, then shows its first fields with only the rows on screen in the DOM', async () => {
    const { page } = s;
    expect((await openFormBody('/form-10mb', 535_000)).decodedInWorker).toBe(true);
    await expect(page.locator('.body-toolbar').innerText()).resolves.toMatch(/Form · (9|10)\.\d+ MB/);
    expect(await page.locator('.pairs-table .pair-name').first().innerText()).toBe('field0');
    expect(await page.locator('.pairs-table .pair-value').first().innerText()).toBe('v0');
    expect(await rowCount()).toBe(1_000);
    await expect(page.getByTestId('pairs-more').innerText()).resolves.toContain(
      'Showing the first 1,000 of 10,000 form fields read so far (the body has more)',
    );
    expect(await rowsInDom()).toBeLessThan(200);
  });

  it('a form too big to parse at once reads 10,000 fields at a time; Raw still has all of it, a chunk at a time', async () => {
    const { page } = s;
    await openFormBody('/form-huge', 25_000);
    const more = page.getByTestId('pairs-more');
    await expect(more.innerText()).resolves.toContain(
      'Showing the first 1,000 of 10,000 form fields read so far (the body has more)',
    );
    for (let shown = 2_000; shown <= 10_000; shown += 1_000) {
      await more.getByRole('button', { name: 'Show 1,000 more' }).click();
      await eventually(async () => expect(await rowCount()).toBe(shown));
    }
    await expect(more.innerText()).resolves.toContain('there are more, not read yet');
    await more.getByRole('button', { name: 'Show 1,000 more' }).click();
    await eventually(async () => expect(await rowCount()).toBe(11_000));
    await expect(more.innerText()).resolves.toContain(
      'Showing the first 11,000 of 20,000 form fields read so far',
    );
    expect(await rowsInDom()).toBeLessThan(200);
    // A field deep in the table, once scrolled to: the rows around it are drawn, the first ones are not.
    await page.getByTestId('body-pretty').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await eventually(async () =>
      expect(await page.locator('.pairs-table tr[data-index="0"]').count()).toBe(0),
    );
    // Read in one go: the virtualizer may still be settling the drawn range after the scroll.
    const drawn = await eventually(async () => {
      const first = await page.evaluate(() => {
        const row = document.querySelector('.pairs-table tr[data-index]');
        return (
          row && {
            index: Number(row.getAttribute('data-index')),
            value: row.querySelector('.pair-value')?.textContent,
          }
        );
      });
      expect(first).not.toBeNull();
      return first!;
    });
    expect(drawn.index).toBeGreaterThan(1_000);
    expect(drawn.value).toBe(`v${drawn.index}`);
    await scrollToEnd();
    await expect(
      page.locator('.pairs-table tr[aria-rowindex="11000"] .pair-value').innerText(),
    ).resolves.toBe('v10999');

    await page.locator('.body-toolbar [data-mode="raw"]').click();
    // Shown a chunk at a time: the whole body (about 420 K characters) after three more.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Show more' }).click();
    expect(await page.getByTestId('text-partial').count()).toBe(0);
    expect(await page.getByTestId('text-body').innerText()).toContain('&field24999=v24999');
  });

  it('XML: re-indented in Pretty, exact in Raw', async () => {
    const { page } = s;
    const xml =
      '<?xml version="1.0"?><order id="7"><item sku="A-1">Widget &amp; co</item><note><![CDATA[<b>bold</b>]]></note></order>';
    await send(s.app.receiverUrl, '/xml-detail', {
      method: 'POST',
      body: xml,
      headers: { 'content-type': 'application/xml' },
    });
    await selectCapture(page, '/xml-detail');
    await openTab(page, 'body');
    const pretty = await page.getByTestId('markup-body').innerText();
    expect(pretty).toContain('<order id="7">');
    expect(pretty).toMatch(/\n\s+<item sku="A-1">Widget &amp; co<\/item>/);
    expect(pretty).toContain('<![CDATA[<b>bold</b>]]>');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    // One long line, soft-wrapped by the editor: compare without the wrap breaks.
    await eventually(async () => expect((await monacoText(page, '.body-raw')).replace(/\n/g, '')).toBe(xml));
  });

  it('multipart: each part with its own headers, filename, text or hex body', async () => {
    const { page } = s;
    const boundary = 'XyZbOuNdArY';
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10, 0x20]);
    const enc = new TextEncoder();
    const parts = [
      enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHello world\r\n`),
      enc.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pic.png"\r\nContent-Type: image/png\r\nX-Part: yes\r\n\r\n`,
      ),
      binary,
      enc.encode(`\r\n--${boundary}--\r\n`),
    ];
    const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      body.set(p, o);
      o += p.length;
    }
    await send(s.app.receiverUrl, '/multipart-detail', {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    await selectCapture(page, '/multipart-detail');
    await openTab(page, 'body');
    const partEls = page.getByTestId('multipart-part');
    await eventually(async () => expect(await partEls.count()).toBe(2));
    expect(await partEls.nth(0).locator('.part-name').innerText()).toBe('title');
    expect(await partEls.nth(0).locator('.part-body').innerText()).toBe('Hello world');
    expect(await partEls.nth(1).locator('.part-name').innerText()).toBe('file');
    expect(await partEls.nth(1).locator('.part-filename').innerText()).toContain('pic.png');
    const partHeaders = await partEls.nth(1).locator('.part-headers').innerText();
    expect(partHeaders).toContain('X-Part');
    expect(partHeaders).toContain('image/png');
    expect((await partEls.nth(1).locator('.hex-bytes').first().innerText()).split(/\s+/)).toEqual(
      hexOf(binary),
    );

    // Decoded: the text field as a form field; the file listed, not decoded.
    await openTab(page, 'decoded');
    const decoded = page.getByTestId('decoded-view');
    await eventually(async () => expect(await decoded.innerText()).toContain('Hello world'));
    expect(await decoded.locator('.decoded-reason').innerText()).toContain('file (pic.png), 8 bytes');
  });

  it('a body larger than search reads says that search covers only its first 256 KB', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/big-text', { method: 'POST', body: 'word '.repeat(60_000) });
    await send(s.app.receiverUrl, '/small-text', { method: 'POST', body: 'word '.repeat(100) });
    await selectCapture(page, '/big-text');
    await openTab(page, 'body');
    await eventually(async () =>
      expect(await page.locator('.detail-pane .pill-info').allInnerTexts()).toContain(
        'search covers the first 256 KB',
      ),
    );
    await selectCapture(page, '/small-text');
    await openTab(page, 'body');
    await page.locator('.detail-pane[data-capture-id] .body-toolbar').waitFor();
    expect(await page.locator('.detail-pane', { hasText: 'search covers' }).count()).toBe(0);
  });

  it('an over-limit body refused unread shows its declared size and the truncation note; a chunked one "at least"', async () => {
    const { page } = s;
    const port = Number(new URL(s.app.receiverUrl).port);
    await s.app.rpc('settings.update', { bodyLimitBytes: 1024 });
    try {
      await rawExchange(
        port,
        'POST /refused-unread HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n',
      );
      await rawExchange(
        port,
        'POST /chunked-over HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' +
          `800\r\n${'a'.repeat(2048)}\r\n`,
      );
    } finally {
      await s.app.rpc('settings.update', { bodyLimitBytes: 25 * 1024 * 1024 });
    }
    await selectCapture(page, '/refused-unread');
    await openTab(page, 'overview');
    const overview = page.getByTestId('overview');
    await eventually(async () =>
      expect(await overview.innerText()).toMatch(/4\.9 KB\s*truncated — stored 0 B/),
    );
    await openTab(page, 'body');
    const empty = page.locator('.detail-pane .empty-body');
    await eventually(async () =>
      expect(await empty.innerText()).toContain('truncated: stored 0 B of 4.9 KB'),
    );

    await selectCapture(page, '/chunked-over');
    await openTab(page, 'overview');
    await eventually(async () =>
      expect(await page.getByTestId('overview').innerText()).toMatch(/at least 2(\.0)? KB\s*truncated/),
    );
  });

  it('a capture through the tunnel shows the sender the tunnel forwarded; a direct one only what connected', async () => {
    const { page } = s;
    // A tunnel on localtunnel.me, whose proxy appends X-Forwarded-For; its client connects from loopback.
    const provider = new FakeProvider();
    const tunnel = createTunnelModule(s.app.engine.ctx, { provider });
    try {
      tunnel.startTunnel({ host: 'https://loca.lt' });
      provider.last().resolve('https://abcd.loca.lt');
      await flush();
      await rawSend(`${s.app.receiverUrl}/via-tunnel`, {
        headers: [
          ['Host', 'abcd.loca.lt'],
          ['X-Forwarded-For', '198.51.100.7, 203.0.113.5'],
        ],
      });
      await rawSend(`${s.app.receiverUrl}/direct-with-xff`, {
        headers: [['X-Forwarded-For', '198.51.100.7']],
      });
    } finally {
      await tunnel.close?.();
    }
    await selectCapture(page, '/via-tunnel');
    await openTab(page, 'overview');
    const from = () =>
      page
        .getByTestId('overview')
        .locator('dd')
        .filter({ hasText: /HTTP\// });
    await eventually(async () =>
      expect(await from().innerText()).toMatch(
        /^203\.0\.113\.5 \(forwarded by the tunnel; connection from 127\.0\.0\.1:\d+\) HTTP\/1\.1 · tunnel$/,
      ),
    );
    await selectCapture(page, '/direct-with-xff');
    await eventually(async () =>
      expect(await from().innerText()).toMatch(/^127\.0\.0\.1:\d+ HTTP\/1\.1 · receiver$/),
    );
    // The list row's source says the same: as the capture was filed, and as the list is read again after a reload.
    const sourceTitle = (path: string) => row(page, path).locator('.cell.source').getAttribute('title');
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      await eventually(async () =>
        expect(await sourceTitle('/via-tunnel')).toBe(
          'tunnel from 203.0.113.5 (forwarded by the tunnel; connection from 127.0.0.1)',
        ),
      );
      expect(await sourceTitle('/direct-with-xff')).toBe('receiver from 127.0.0.1');
    }
  });

  it('trailers sent after a chunked body are listed under the headers', async () => {
    const { page } = s;
    const port = Number(new URL(s.app.receiverUrl).port);
    await rawExchange(
      port,
      'POST /trailed HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
        '2\r\nok\r\n0\r\nX-Checksum: crc-77\r\n\r\n',
    );
    await selectCapture(page, '/trailed');
    await openTab(page, 'headers');
    const trailers = page.getByRole('region', { name: 'Trailers' });
    await eventually(async () => expect(await trailers.innerText()).toContain('crc-77'));
    expect(await trailers.locator('.pair-name').allInnerTexts()).toEqual(['X-Checksum']);

    // The HTTP client cannot send request trailers: the replay dialog says so rather than dropping them silently.
    await page.getByTestId('replay-open').click();
    const notice = page.getByTestId('replay-dialog').getByTestId('replay-trailers');
    expect(await notice.innerText()).toMatch(/Trailers are not replayed.*X-Checksum/s);
    await page.getByTestId('replay-close').click();
  });

  it('the replay dialog opened from the list (R, Replay N…) also says which trailers are left out', async () => {
    const { page } = s;
    const port = Number(new URL(s.app.receiverUrl).port);
    await rawExchange(
      port,
      'POST /trailed-list HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
        '2\r\nok\r\n0\r\nX-Digest: sha-1\r\n\r\n',
    );
    await send(s.app.receiverUrl, '/untrailed-list', { method: 'POST', body: 'x' });
    await selectCapture(page, '/trailed-list');
    await row(page, '/trailed-list').focus();
    await page.keyboard.press('r');
    const notice = page.getByTestId('replay-dialog').getByTestId('replay-trailers');
    await eventually(async () =>
      expect(await notice.innerText()).toMatch(
        /Trailers are not replayed: this capture ended with a trailer \(X-Digest\)/,
      ),
    );
    await page.getByTestId('replay-close').click();

    await row(page, '/untrailed-list').click({ modifiers: ['Control'] });
    await page.getByTestId('replay-selected').click();
    await eventually(async () =>
      expect(await notice.innerText()).toMatch(/1 of these 2 captures ended with a trailer \(X-Digest\)/),
    );
    await page.getByTestId('replay-close').click();
  });

  it('a header value sent as UTF-8 bytes reads as its text, marked UTF-8', async () => {
    const { page } = s;
    const port = Number(new URL(s.app.receiverUrl).port);
    await rawExchange(
      port,
      Buffer.concat([
        Buffer.from('GET /utf8-header HTTP/1.1\r\nHost: x\r\nX-Name: caf'),
        Buffer.from([0xc3, 0xa9]),
        Buffer.from('\r\nConnection: close\r\n\r\n'),
      ]),
    );
    await selectCapture(page, '/utf8-header');
    await openTab(page, 'headers');
    const row = page.getByRole('table', { name: 'headers' }).locator('tr', { hasText: 'X-Name' });
    await eventually(async () => expect(await row.locator('.pair-value').innerText()).toBe('caféUTF-8'));
    expect(await row.locator('.pill').getAttribute('title')).toContain('cafÃ©');
  });

  it('bidi controls and zero-width characters show as their code points, never reordering the text', async () => {
    const { page } = s;
    const port = Number(new URL(s.app.receiverUrl).port);
    const body =
      '{"file":"invoice\u202efdp.exe","dev":"👩\u200d💻","fa":"می\u200cخواهم","user":"adm\u200din"}';
    await rawExchange(
      port,
      Buffer.concat([
        Buffer.from('POST /bidi-header HTTP/1.1\r\nHost: x\r\nX-Evil: abc'),
        Buffer.from('\u202efed\u200bend', 'utf8'),
        Buffer.from(
          `\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
        ),
        Buffer.from(body, 'utf8'),
      ]),
    );
    await selectCapture(page, '/bidi-header');
    await openTab(page, 'headers');
    const row = page.getByRole('table', { name: 'headers' }).locator('tr', { hasText: 'X-Evil' });
    await eventually(async () =>
      expect(await row.locator('.pair-value').innerText()).toBe('abcU+202EfedU+200BendUTF-8'),
    );
    expect(await row.locator('.invisible-char').first().getAttribute('title')).toBe('RIGHT-TO-LEFT OVERRIDE');
    await openTab(page, 'body');
    const tree = page.getByTestId('json-tree');
    await tree.waitFor();
    const treeText = await tree.innerText();
    expect(treeText).toContain('"invoiceU+202Efdp.exe"');
    // Joiners that shape an emoji sequence or a Persian word are drawn; beside ASCII they can only hide, and are shown.
    expect(treeText).toContain('"👩\u200d💻"');
    expect(treeText).toContain('"می\u200cخواهم"');
    expect(treeText).toContain('"admU+200Din"');
  });

  it('a multipart filename, part name or part header with bidi controls shows them as code points', async () => {
    const { page } = s;
    const boundary = 'BiDiBoUnDaRy';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="adm\u200din"; filename="invoice\u202efdp.exe"\r\n` +
      `Content-Type: application/pdf\r\nX-Part: abc\u202efed\r\n\r\nMZ\r\n--${boundary}--\r\n`;
    await send(s.app.receiverUrl, '/bidi-multipart', {
      method: 'POST',
      body: new TextEncoder().encode(body),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    await selectCapture(page, '/bidi-multipart');
    await openTab(page, 'body');
    const part = page.getByTestId('multipart-part').first();
    await part.waitFor();
    expect(await part.locator('.part-filename').innerText()).toBe('invoiceU+202Efdp.exe');
    expect(await part.locator('.part-name').innerText()).toBe('admU+200Din');
    expect(await part.locator('.part-headers').innerText()).toContain('abcU+202Efed');
  });

  it("a vendor's event label made from payload text shows bidi controls as code points", async () => {
    const { page } = s;
    // Ortto names a journey webhook after its shape_title, which the sender writes.
    const body = JSON.stringify({
      webhook_id: 'w1',
      contact_id: 'c1',
      campaign_id: 'k1',
      shape_title: 'Welcome\u202edeliaf',
      activity: { field_id: 'act:cm:signed-up' },
    });
    await send(s.app.receiverUrl, '/bidi-label', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const label = 'Journey/playbook webhook (WelcomeU+202Edeliaf)';
    const source = row(page, '/bidi-label').locator('.cell.source');
    await eventually(async () => expect(await source.innerText()).toBe(`Ortto · ${label}`));
    await selectCapture(page, '/bidi-label');
    await openTab(page, 'overview');
    expect(await page.locator('.detail-pane dd', { hasText: 'Ortto' }).innerText()).toBe(`Ortto · ${label}`);
    await openTab(page, 'decoded');
    const vendor = page.locator('.decoded-vendor');
    await eventually(async () => expect(await vendor.innerText()).toContain(`Ortto · ${label}`));
  });

  it('binary: opens in Hex with every byte, Raw declines to show text', async () => {
    const { page } = s;
    const bytes = new Uint8Array(40).map((_, i) => (i * 37 + 3) % 256);
    await send(s.app.receiverUrl, '/binary-detail', {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    await selectCapture(page, '/binary-detail');
    await openTab(page, 'body');
    await page.getByTestId('hex-view').waitFor();
    expect(await page.locator('.body-view').getAttribute('data-kind')).toBe('binary');
    const rows = page.locator('.hex-row');
    expect(await rows.count()).toBe(3);
    const all = (await rows.locator('.hex-bytes').allInnerTexts()).join(' ').split(/\s+/).filter(Boolean);
    expect(all).toEqual(hexOf(bytes));
    expect(await rows.nth(2).locator('.hex-offset').innerText()).toBe('00000020');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    expect(await page.locator('.body-raw').innerText()).toContain('Binary body');
  });

  it('binary over 16 MB: Hex holds the first 16 MB, every row of them reachable, and says so', async () => {
    const { page } = s;
    // A taller list than Chromium lays out (about 33.5 million px) could not be scrolled to its end.
    const body = new Uint8Array(16 * 1024 * 1024 + 32).fill(0xab);
    await send(s.app.receiverUrl, '/hex-huge', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/octet-stream' },
    });
    await selectCapture(page, '/hex-huge');
    await openTab(page, 'body');
    expect(await page.getByTestId('hex-partial').innerText()).toBe(
      'Showing the first 16 MB of 16 MB (16,777,216 of 16,777,248 bytes). Download the body for all of it.',
    );
    const view = page.getByTestId('hex-view');
    await view.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await eventually(async () =>
      expect(await page.locator('.hex-row .hex-offset').last().innerText()).toBe('00fffff0'),
    );
  });

  it('text in a declared charset other than UTF-8 reads as text, the charset named', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/latin1-detail', {
      method: 'POST',
      body: new Uint8Array(Buffer.from('Café crème, naïve', 'latin1')),
      headers: { 'content-type': 'text/plain; charset=iso-8859-1' },
    });
    await selectCapture(page, '/latin1-detail');
    await openTab(page, 'body');
    await page.locator('.body-view').waitFor();
    expect(await page.locator('.body-view').getAttribute('data-kind')).toBe('text');
    expect(await page.getByTestId('text-body').innerText()).toBe('Café crème, naïve');
    expect(await page.getByTestId('body-charset').innerText()).toBe('windows-1252');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () =>
      expect((await monacoText(page, '.body-raw')).trim()).toBe('Café crème, naïve'),
    );
  });

  it('JSON nested 3000 deep shows in Raw as plain text, without crashing the JSON worker of Monaco', async () => {
    const { page, problems } = s;
    let deep = '1';
    for (let i = 0; i < 3000; i++) deep = `{"a":${deep}}`;
    await send(s.app.receiverUrl, '/deep-json', {
      method: 'POST',
      body: deep,
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/deep-json');
    await openTab(page, 'body');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () => expect(await monacoText(page, '.body-raw')).toContain('{"a":{"a":'));
    expect(await page.locator('.body-raw .code-editor').getAttribute('data-language')).toBe('plaintext');
    // Not a timing assertion: the worker's stack overflow surfaced 100–250 ms after the text showed; give it ample
    // time to happen before checking that it did not.
    await page.waitForTimeout(2000);
    expect(problems.pageErrors).toEqual([]);
  });

  it('a text body of megabytes shows its first 128 K characters in Pretty and Raw, and says so', async () => {
    const { page } = s;
    // Far past the size where Raw leaves Monaco for plain text.
    const body = 'abcdefghij'.repeat(600_000) + 'THE-END';
    await send(s.app.receiverUrl, '/text-huge', {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain' },
    });
    await selectCapture(page, '/text-huge');
    await openTab(page, 'body');
    const note =
      'Showing the first 131,072 of 6,000,007 characters (5.7 MB). Show more or download the body for all of it.';
    expect(await page.getByTestId('text-partial').innerText()).toBe(note);
    const shown = async () => (await page.getByTestId('text-body').innerText()).length;
    expect(await shown()).toBe(131_072);
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () =>
      expect(await page.locator('.body-raw [data-testid="text-partial"]').innerText()).toBe(note),
    );
    expect(await shown()).toBe(131_072);
  });

  it('copies the request as a cURL command that re-sends the same bytes', async () => {
    const { page } = s;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await send(s.app.receiverUrl, "/curl-detail?q=it's", {
      method: 'PATCH',
      body: `{"quote":"it's"}`,
      headers: { 'content-type': 'application/json', 'X-Token': 'a b' },
    });
    await selectCapture(page, '/curl-detail');
    await page.locator('.detail-actions button', { hasText: 'Copy as cURL' }).click();
    const copied = await eventually(async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      expect(text).toContain('curl');
      return text;
    });
    expect(copied).toContain('-X PATCH');
    expect(copied).toContain("-H 'X-Token: a b'");
    // Run the copied command with the real curl: the receiver must get the same method, path, header and body.
    // Asynchronously: the receiver answering it runs in this same process.
    await promisify(execFile)('sh', ['-c', `${copied} --silent --max-time 10 --output /dev/null`], {
      timeout: 15_000,
    });
    const list = await s.app.rpc<{ items: Array<{ id: number; path: string; query: string }> }>(
      'captures.list',
      { limit: 2 },
    );
    if (!list.ok) throw new Error('list failed');
    const [replayed, original] = list.value.items;
    expect(replayed!.path).toBe('/curl-detail');
    expect(replayed!.query).toBe(original!.query);
    const a = await s.app.rpc<{ method: string; bodyBase64: string; headers: Array<[string, string]> }>(
      'captures.get',
      { id: replayed!.id },
    );
    const b = await s.app.rpc<{ method: string; bodyBase64: string; headers: Array<[string, string]> }>(
      'captures.get',
      { id: original!.id },
    );
    if (!a.ok || !b.ok) throw new Error('get failed');
    expect(a.value.method).toBe('PATCH');
    expect(a.value.bodyBase64).toBe(b.value.bodyBase64);
    expect(a.value.headers).toContainEqual(['X-Token', 'a b']);
  });

  it('copies a gzip body as a cURL command that re-sends the compressed bytes, not a file to fetch', async () => {
    const { page } = s;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const zipped = gzipSync('{"zipped":true}');
    await send(s.app.receiverUrl, '/curl-gzip', {
      method: 'POST',
      body: zipped,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    await selectCapture(page, '/curl-gzip');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.locator('.detail-actions button', { hasText: 'Copy as cURL' }).click();
    const copied = await eventually(async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      expect(text).toContain('curl');
      return text;
    });
    expect(copied).not.toContain('@body.bin');
    await promisify(execFile)('bash', ['-c', `${copied} --silent --max-time 10 --output /dev/null`], {
      timeout: 15_000,
    });
    const list = await s.app.rpc<{ items: Array<{ id: number; path: string }> }>('captures.list', {
      limit: 1,
    });
    if (!list.ok) throw new Error('list failed');
    const [replayed] = list.value.items;
    expect(replayed!.path).toBe('/curl-gzip');
    const got = await s.app.rpc<{ bodyBase64: string }>('captures.get', { id: replayed!.id });
    if (!got.ok) throw new Error('get failed');
    expect(Buffer.from(got.value.bodyBase64, 'base64').equals(zipped)).toBe(true);
  });

  it('downloads the body byte for byte', async () => {
    const { page } = s;
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 10, 13]);
    await send(s.app.receiverUrl, '/download-detail', {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    await selectCapture(page, '/download-detail');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.detail-actions button', { hasText: 'Download body' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect([...Buffer.concat(chunks)]).toEqual([...bytes]);
  });

  const downloadBody = async (page: (typeof s)['page']) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.detail-actions button', { hasText: 'Download body' }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  };

  it.each([
    ['gzip that is not gzip', 'gzip', 'Could not undo Content-Encoding "gzip"'],
    ['an unsupported coding', 'compress', 'Content-Encoding "compress" is not supported'],
  ])('says why the body is shown as received when it is %s', async (_what, coding, note) => {
    const { page } = s;
    await send(s.app.receiverUrl, `/bad-${coding}`, {
      method: 'POST',
      body: '{"plain":"json"}',
      headers: { 'content-type': 'application/json', 'content-encoding': coding },
    });
    await selectCapture(page, `/bad-${coding}`);
    await openTab(page, 'body');
    await expect(page.locator('.body-toolbar .pill-info').innerText()).resolves.toContain(note);
    expect(await page.getByTestId('body-form').count()).toBe(0);
    expect((await downloadBody(page)).bytes.toString()).toBe('{"plain":"json"}');
  });

  it('a gzip body: decoded by default, and Received shows, and downloads, the bytes that arrived', async () => {
    const { page } = s;
    const plain = '{"zipped":"yes","n":1}';
    const zipped = gzipSync(plain);
    await send(s.app.receiverUrl, '/gzip-forms', {
      method: 'POST',
      body: zipped,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    await selectCapture(page, '/gzip-forms');
    await openTab(page, 'body');
    const note = page.locator('.body-toolbar .pill-info');
    await expect(note.innerText()).resolves.toBe('decoded from gzip');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () => expect((await monacoText(page, '.body-raw')).trim()).toBe(plain));

    await page.locator('[data-testid="body-form"] [data-form="received"]').click();
    await eventually(async () => expect(await note.innerText()).toBe('as received (gzip)'));
    await page.locator('.body-toolbar [data-mode="hex"]').click();
    const firstRow = page.locator('.hex-row').first();
    await eventually(async () =>
      expect((await firstRow.locator('.hex-bytes').innerText()).split(/\s+/)).toEqual(
        hexOf(zipped.subarray(0, 16)),
      ),
    );
    const received = await downloadBody(page);
    expect(received.name).toMatch(/-body-received\.bin$/);
    expect(received.bytes.equals(zipped)).toBe(true);

    // One Tab stop, the choice moved with the arrow keys, as a radio group is used.
    const choice = (f: string) => page.locator(`[data-testid="body-form"] [data-form="${f}"]`);
    expect([
      await choice('decoded').getAttribute('tabindex'),
      await choice('received').getAttribute('tabindex'),
    ]).toEqual(['-1', '0']);
    await choice('received').focus();
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await choice('decoded').getAttribute('aria-checked')).toBe('true'));
    expect(await choice('decoded').evaluate((el) => el === document.activeElement)).toBe(true);
    await eventually(async () =>
      expect((await firstRow.locator('.hex-bytes').innerText()).split(/\s+/)).toEqual(
        hexOf(Buffer.from(plain).subarray(0, 16)),
      ),
    );
    const decoded = await downloadBody(page);
    expect(decoded.name).toMatch(/\.json$/);
    expect(decoded.bytes.toString()).toBe(plain);
  });

  it('stepping to another capture keeps the tab chosen', async () => {
    const { page } = s;
    for (const n of [1, 2])
      await send(s.app.receiverUrl, `/tab-keep/${n}`, { method: 'POST', body: String(n) });
    await selectCapture(page, '/tab-keep/2');
    await openTab(page, 'headers');
    const selected = page.locator('.detail-pane .tab[aria-selected="true"]');
    expect(await selected.getAttribute('data-tab')).toBe('headers');
    await page.locator('[data-testid="capture-list"]').focus();
    await page.keyboard.press('ArrowDown');
    await eventually(async () =>
      expect(await page.locator('.detail-pane[data-capture-id] .detail-path').innerText()).toBe(
        '/tab-keep/1',
      ),
    );
    expect(await selected.getAttribute('data-tab')).toBe('headers');
    expect(await page.locator('.detail-body').innerText()).toContain('content-type');
    await openTab(page, 'body');
  });

  it('a capture deleted with a Delete button leaves focus on the list, not on the page', async () => {
    const { page } = s;
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/del-focus/${n}`, { method: 'POST', body: String(n) });
    const onList = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
      );
    await selectCapture(page, '/del-focus/3');
    await page.locator('.detail-pane .btn-danger', { hasText: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await row(page, '/del-focus/3').count()).toBe(0));
    expect(await onList()).toBe('Captured requests');

    await selectCapture(page, '/del-focus/2');
    await page.getByTestId('delete-selected').focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await row(page, '/del-focus/2').count()).toBe(0));
    expect(await onList()).toBe('Captured requests');
    // The list has the keys: ↓ picks the capture left.
    await page.keyboard.press('ArrowDown');
    await eventually(async () =>
      expect(await page.locator('.detail-pane[data-capture-id] .detail-path').innerText()).toBe(
        '/del-focus/1',
      ),
    );
  });

  it("a signature verdict can be checked again with the endpoint's current secret, and says when and with what", async () => {
    const { page } = s;
    const created = await s.app.rpc<{ id: number }>('endpoints.create', {
      slug: 'recheck',
      name: 'Recheck',
      verify: { scheme: 'github', secret: 'old-secret', toleranceSeconds: 300 },
    });
    if (!created.ok) throw new Error(created.error.message);
    const body = '{"zen":"rotate"}';
    const signature = `sha256=${createHmac('sha256', 'new-secret').update(body).digest('hex')}`;
    await send(s.app.receiverUrl, '/h/recheck', {
      method: 'POST',
      body,
      headers: { 'X-Hub-Signature-256': signature },
    });
    await selectCapture(page, '/h/recheck');
    await openTab(page, 'overview');
    const verdict = page.getByTestId('signature-verdict');
    expect(await verdict.innerText()).toContain('failed');

    const updated = await s.app.rpc('endpoints.update', {
      id: created.value.id,
      verify: { scheme: 'github', secret: 'new-secret', toleranceSeconds: 300 },
    });
    expect(updated.ok).toBe(true);
    await page.getByTestId('signature-recheck').click();
    await page.getByTestId('signature-checked').waitFor();
    const text = await verdict.innerText();
    expect(text).toContain('verified');
    expect(text).toContain('valid sha256 signature');
    // GitHub signs no timestamp: no tolerance is named.
    expect(text).toMatch(/checked again .+ with endpoint "Recheck", github(?!, tolerance)/);
    expect(text).not.toContain('new-secret');
  });

  it('a capture that came in before its endpoint verified signatures can be checked once it does', async () => {
    const { page } = s;
    const created = await s.app.rpc<{ id: number }>('endpoints.create', { slug: 'later', name: 'Later' });
    if (!created.ok) throw new Error(created.error.message);
    const body = '{"zen":"later"}';
    const signature = `sha256=${createHmac('sha256', 'later-secret').update(body).digest('hex')}`;
    await send(s.app.receiverUrl, '/h/later', {
      method: 'POST',
      body,
      headers: { 'X-Hub-Signature-256': signature },
    });
    await selectCapture(page, '/h/later');
    await openTab(page, 'overview');
    const updated = await s.app.rpc('endpoints.update', {
      id: created.value.id,
      verify: { scheme: 'github', secret: 'later-secret', toleranceSeconds: 300 },
    });
    expect(updated.ok).toBe(true);
    const check = page.getByTestId('signature-recheck');
    expect(await check.innerText()).toBe('Check signature');
    await check.click();
    await page.getByTestId('signature-checked').waitFor();
    expect(await page.getByTestId('signature-verdict').innerText()).toContain('verified');
  });
});
