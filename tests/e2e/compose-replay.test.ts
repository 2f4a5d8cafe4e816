import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fillBulkSend } from './support/bulk-form';
import {
  eventually,
  expectClean,
  expectKeyboardModal,
  openUi,
  row,
  selectCapture,
  send,
  type UiSession,
} from './support/ui';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A real HTTP server on 127.0.0.1:0 that answers 200 and keeps every request it gets. */
async function recordingServer(): Promise<{ url: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Whether a field is marked invalid, and the text of what describes it. */
const invalidity = (field: Locator) =>
  field.evaluate((el) => ({
    invalid: el.getAttribute('aria-invalid'),
    describedBy: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? null,
  }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const clean = { dialogs: [], csp: [], errors: [] };

describe('compose, replay and endpoint protection', () => {
  let s: UiSession;
  let target: Awaited<ReturnType<typeof recordingServer>>;
  beforeAll(async () => {
    [s, target] = await Promise.all([openUi(), recordingServer()]);
  });
  // A dialog left open by a failed test would block every later click.
  afterEach(async () => {
    const close = s?.page.getByTestId('replay-close');
    if (close && (await close.count()) > 0) await close.click();
  });
  afterAll(async () => {
    await s?.close();
    await target?.close();
  });

  const view = (id: 'inspect' | 'endpoints' | 'compose' | 'deliveries') =>
    s.page.locator(`.view-tab[data-view="${id}"]`).click();

  it('compose → send reaches a real server; sending to our own receiver needs the loop override; both are in the log', async () => {
    const { page, app } = s;
    await view('compose');
    await page.getByTestId('compose-emulate').click();
    await page.getByTestId('emulator-kind').selectOption('ortto-activity');
    await page.getByTestId('emulator-apply').click();
    await page.getByTestId('compose-url').fill(`${target.url}/ortto-hook`);
    const shownBody = await page.getByTestId('preview-body').innerText();
    expect(JSON.parse(shownBody)).toMatchObject({ activity: { field_id: 'act::s-all' } });

    await page.getByTestId('compose-send').click();
    await eventually(async () =>
      expect(await page.getByTestId('compose-sent').innerText()).toMatch(
        /HTTP 200 · [\d.]+ (ms|s) · attempt/,
      ),
    );
    expect(target.requests).toHaveLength(1);
    const got = target.requests[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/ortto-hook');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.body.toString('utf8')).toBe(shownBody);

    await page.getByTestId('compose-url').fill(`${app.receiverUrl}/h/composed`);
    await page.getByTestId('compose-send').click();
    const loop = page.getByTestId('compose-loop');
    await loop.waitFor();
    expect(await loop.innerText()).toContain('Refused');
    expect(await s.app.rpc<{ items: unknown[] }>('captures.list', { limit: 1 })).toMatchObject({
      ok: true,
      value: { items: [] },
    });
    await page.getByTestId('compose-loop-override').click();
    await eventually(async () =>
      expect(await page.getByTestId('compose-sent').innerText()).toContain('HTTP 200'),
    );

    await view('inspect');
    const composed = row(page, '/h/composed');
    await eventually(async () => expect(await composed.count()).toBe(1));
    expect(await composed.locator('.cell.source').innerText()).toMatch(/^Ortto · \S/);

    await view('deliveries');
    const log = page.getByRole('table', { name: 'Delivery log' });
    await eventually(async () => {
      const rows = await log.locator('tbody tr').allInnerTexts();
      const toServer = rows.filter((r) => r.includes(`${target.url}/ortto-hook`));
      const toSelf = rows.filter((r) => r.includes(`${app.receiverUrl}/h/composed`));
      expect(toServer).toHaveLength(1);
      expect(toSelf).toHaveLength(1);
      for (const r of [...toServer, ...toSelf]) expect(r.split('\t')[1]).toBe('200');
    });
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('marks an invalid compose URL invalid, described by its problem', async () => {
    const { page } = s;
    await view('compose');
    const url = page.getByTestId('compose-url');
    await url.fill('x y');
    await eventually(async () =>
      expect(await invalidity(url)).toEqual({
        invalid: 'true',
        describedBy: 'URL "x y" is not valid (include http:// or https://)',
      }),
    );
    await url.fill(`${target.url}/fixed`);
    await eventually(async () =>
      expect(await invalidity(url)).toEqual({ invalid: 'false', describedBy: null }),
    );
  });

  it('replays a capture byte-for-byte to a server, and to our own receiver only after "Replay anyway"', async () => {
    const { page, app } = s;
    await view('inspect');
    // Not valid UTF-8, with CR/LF and NUL: any re-encoding would change the hash.
    const body = Uint8Array.from([
      0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0x00, 0x0d, 0x0a, 0xc3, 0x28, 0x7d,
    ]);
    expect(
      (
        await send(app.receiverUrl, '/replay-me?x=1', {
          method: 'PATCH',
          body,
          headers: { 'content-type': 'application/octet-stream', 'x-trace': 'abc' },
        })
      ).status,
    ).toBe(200);
    await eventually(async () => expect(await row(page, '/replay-me').count()).toBe(1));
    await selectCapture(page, '/replay-me');

    const before = target.requests.length;
    await page.getByTestId('replay-open').click();
    const dialog = page.getByTestId('replay-dialog');
    expect(await dialog.getByTestId('replay-trailers').count()).toBe(0);
    await dialog.getByTestId('replay-url').fill(`${target.url}/replayed`);
    await dialog.getByTestId('replay-policy').selectOption('none');
    await dialog.getByTestId('replay-send').click();
    await eventually(async () =>
      expect(await dialog.getByTestId('replay-result').innerText()).toMatch(
        /succeeded · HTTP 200 · [\d.]+ (ms|s) · attempt 1\/1/,
      ),
    );
    expect(target.requests).toHaveLength(before + 1);
    const got = target.requests[before]!;
    expect(got.method).toBe('PATCH');
    expect(got.url).toBe('/replayed?x=1');
    expect(got.headers['x-trace']).toBe('abc');
    expect(sha256(got.body)).toBe(sha256(body));

    await dialog.getByTestId('replay-url').fill(`${app.receiverUrl}/h/replayed-home`);
    await dialog.getByTestId('replay-send').click();
    const loop = dialog.getByTestId('replay-loop');
    await loop.waitFor();
    expect(await loop.innerText()).toContain("this app's own receiver");
    expect(await dialog.getByTestId('replay-result').count()).toBe(0);
    await dialog.getByTestId('replay-anyway').click();
    await eventually(async () =>
      expect(await dialog.getByTestId('replay-result').innerText()).toMatch(/HTTP 200/),
    );
    await dialog.getByTestId('replay-close').click();
    expect(await dialog.count()).toBe(0);
    await eventually(async () => expect(await row(page, '/h/replayed-home').count()).toBe(1));
    await selectCapture(page, '/h/replayed-home');
    const home = await app.rpc<{ items: Array<{ id: number; path: string }> }>('captures.list', { limit: 5 });
    if (!home.ok) throw new Error(home.error.message);
    const id = home.value.items.find((c) => c.path === '/h/replayed-home')!.id;
    const detail = await app.rpc<{ method: string; bodyBase64: string }>('captures.get', { id });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.method).toBe('PATCH');
    expect(sha256(Buffer.from(detail.value.bodyBase64, 'base64'))).toBe(sha256(body));
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('ties a refused target URL to its input: marked invalid, described by the refusal and focused', async () => {
    const { page, app } = s;
    await view('inspect');
    expect((await send(app.receiverUrl, '/bad-target', { body: '{}' })).status).toBe(200);
    await eventually(async () => expect(await row(page, '/bad-target').count()).toBe(1));
    await selectCapture(page, '/bad-target');
    await page.getByTestId('replay-open').click();
    const dialog = page.getByTestId('replay-dialog');
    const url = dialog.getByTestId('replay-url');
    await url.fill('x y');
    await dialog.getByTestId('replay-send').click();
    await eventually(async () =>
      expect(await dialog.getByTestId('replay-error').innerText()).toMatch(/^url: invalid URL "x y"/),
    );
    const refusal = await dialog.getByTestId('replay-error').innerText();
    await eventually(async () =>
      expect(await invalidity(url)).toEqual({ invalid: 'true', describedBy: refusal }),
    );
    expect(await url.evaluate((el) => el === document.activeElement)).toBe(true);
    await url.fill(`${target.url}/good-target`);
    await dialog.getByTestId('replay-send').click();
    await eventually(async () =>
      expect(await dialog.getByTestId('replay-result').innerText()).toMatch(/HTTP 200/),
    );
    expect(await invalidity(url)).toEqual({ invalid: null, describedBy: null });
  });

  it("the replay result's link opens that delivery in the log", async () => {
    const { page, app } = s;
    await view('inspect');
    await send(app.receiverUrl, '/link-me', { body: '{"link":1}' });
    await eventually(async () => expect(await row(page, '/link-me').count()).toBe(1));
    await selectCapture(page, '/link-me');
    await page.getByTestId('replay-open').click();
    const dialog = page.getByTestId('replay-dialog');
    await dialog.getByTestId('replay-url').fill(`${target.url}/linked-target`);
    await dialog.getByTestId('replay-send').click();
    const result = dialog.getByTestId('replay-result');
    await eventually(async () => expect(await result.innerText()).toMatch(/succeeded/));
    const uid = await result.locator('.mono').innerText();
    await result.getByRole('link', { name: 'Delivery log' }).click();
    const detail = page.locator('.delivery-detail');
    await eventually(async () => expect(await detail.innerText()).toContain(uid));
    expect(await detail.innerText()).toContain(`${target.url}/linked-target`);
    expect(await page.locator('.delivery-table tr.selected').innerText()).toContain('/linked-target');
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('replays several selected captures at once, each byte for byte', async () => {
    const { page, app } = s;
    await view('inspect');
    const bodies = [Uint8Array.from([0xff, 0x00, 0x0d]), '{"n":2}', 'a=1&b=%20three'];
    for (const [i, body] of bodies.entries()) {
      await send(app.receiverUrl, `/many-${i}`, { method: 'PUT', body });
      await eventually(async () => expect(await row(page, `/many-${i}`).count()).toBe(1));
    }
    await row(page, '/many-0').click();
    await row(page, '/many-2').click({ modifiers: ['Shift'] });
    await page.getByTestId('replay-selected').click();
    const dialog = page.getByTestId('replay-dialog');
    expect(await dialog.locator('h2').innerText()).toBe('Replay 3 captures');
    const before = target.requests.length;
    await dialog.getByTestId('replay-url').fill(`${target.url}/many-target`);
    await dialog.getByTestId('replay-send').click();
    const results = dialog.getByTestId('replay-result');
    await eventually(async () => {
      const texts = await results.allInnerTexts();
      expect(texts).toHaveLength(3);
      for (const t of texts) expect(t).toMatch(/succeeded · HTTP 200/);
    });
    const got = target.requests.slice(before);
    expect(got.map((r) => r.url)).toEqual(['/many-target', '/many-target', '/many-target']);
    // One delivery each, created oldest first; the queue may send them in parallel.
    expect(got.map((r) => sha256(r.body)).sort()).toEqual(
      bodies.map((b) => sha256(typeof b === 'string' ? Buffer.from(b) : b)).sort(),
    );
    await dialog.getByTestId('replay-close').click();
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('the results of many replayed captures stay inside the window (the last one can be scrolled to)', async () => {
    const { page, app } = s;
    await view('inspect');
    for (let i = 0; i < 30; i++) await send(app.receiverUrl, `/bulk-replay-${i}`, { body: `n=${i}` });
    await eventually(async () => expect(await row(page, '/bulk-replay-29').count()).toBe(1));
    // The list is virtualised: select from the newest down by keyboard rather than clicking rows out of view.
    await row(page, '/bulk-replay-29').click();
    for (let i = 0; i < 29; i++) await page.keyboard.press('Shift+ArrowDown');
    await eventually(async () =>
      expect(await page.getByTestId('selected-count').innerText()).toBe('30 selected'),
    );
    await page.getByTestId('replay-selected').click();
    const dialog = page.getByTestId('replay-dialog');
    await dialog.getByTestId('replay-url').fill(`${target.url}/bulk-replay`);
    await dialog.getByTestId('replay-send').click();
    const results = dialog.getByTestId('replay-result');
    await eventually(async () => expect(await results.count()).toBe(30));
    const box = (await dialog.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await results.last().scrollIntoViewIfNeeded();
    const last = (await results.last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await dialog.getByTestId('replay-close').click();
    // Back to the top of the list, where the next tests' captures arrive.
    await page.getByTestId('capture-list').press('Home');
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('R in the capture list opens the replay dialog for the selected capture; Enter replays it', async () => {
    const { page, app } = s;
    await view('inspect');
    await send(app.receiverUrl, '/key-replay', { body: 'by key' });
    await eventually(async () => expect(await row(page, '/key-replay').count()).toBe(1));
    await selectCapture(page, '/key-replay');
    const id = await row(page, '/key-replay').getAttribute('data-capture-id');
    await row(page, '/key-replay').focus();
    await page.keyboard.press('r');
    const dialog = page.getByTestId('replay-dialog');
    expect(await dialog.locator('h2').innerText()).toBe(`Replay capture #${id}`);
    const before = target.requests.length;
    await page.keyboard.type(`${target.url}/by-key`);
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await dialog.getByTestId('replay-result').innerText()).toMatch(/succeeded · HTTP 200/),
    );
    expect(target.requests[before]!.body.toString()).toBe('by key');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    // Upper case too (Shift, or Caps Lock on), as the docs and the button's tooltip write it.
    await row(page, '/key-replay').focus();
    await page.keyboard.press('Shift+R');
    expect(await dialog.locator('h2').innerText()).toBe(`Replay capture #${id}`);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('"Open in composer" fills the composer with the capture\'s method, URL, headers and body', async () => {
    const { page, app } = s;
    await view('inspect');
    await send(app.receiverUrl, '/to-compose?src=detail&n=1', {
      method: 'PUT',
      body: '{"open":"me"}',
      headers: { 'content-type': 'application/json', 'x-from-capture': 'yes' },
    });
    await eventually(async () => expect(await row(page, '/to-compose').count()).toBe(1));
    await selectCapture(page, '/to-compose');
    await page.getByTestId('open-in-composer').click();
    await page.getByTestId('composer').waitFor();
    await eventually(async () => expect(await page.getByTestId('compose-method').inputValue()).toBe('PUT'));
    // The URL it was sent to, query kept as received: the user edits it to the real target.
    expect(await page.getByTestId('compose-url').inputValue()).toBe(
      `${app.receiverUrl.replace(/\/$/, '')}/to-compose?src=detail&n=1`,
    );
    expect(await page.getByTestId('preview-body').innerText()).toBe('{"open":"me"}');
    expect(await page.getByTestId('preview-header').allInnerTexts()).toContain('x-from-capture: yes\n');
    expect(new URL(page.url()).hash).toContain('view=compose');
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('a capture with no Content-Type, opened in the composer and sent unchanged, goes out with none', async () => {
    const { page, app } = s;
    await view('inspect');
    // A Uint8Array body: fetch adds no Content-Type of its own.
    await send(app.receiverUrl, '/no-type', { method: 'POST', body: Buffer.from('{"typed":false}') });
    await eventually(async () => expect(await row(page, '/no-type').count()).toBe(1));
    await selectCapture(page, '/no-type');
    await page.getByTestId('open-in-composer').click();
    await page.getByTestId('composer').waitFor();
    await eventually(async () =>
      expect(await page.getByTestId('preview-body').innerText()).toBe('{"typed":false}'),
    );
    expect(await page.getByTestId('preview-size').innerText()).toContain(
      'no Content-Type (looks like application/json; none is sent, as captured)',
    );
    await page.getByTestId('compose-url').fill(`${target.url}/no-type`);
    const before = target.requests.length;
    await page.getByTestId('compose-send').click();
    await eventually(async () =>
      expect(await page.getByTestId('compose-sent').innerText()).toContain('HTTP 200'),
    );
    const got = target.requests[before]!;
    expect(got.url).toBe('/no-type');
    expect(got.headers['content-type']).toBeUndefined();
    expect(got.body.toString('utf8')).toBe('{"typed":false}');
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it("a Time filter's `from` in the address is not taken for a capture to open in the composer", async () => {
    const { page } = s;
    await view('inspect');
    const hourAgo = Date.now() - 3_600_000;
    await page.evaluate((from) => (window.location.hash = `from=${from}`), hourAgo);
    await view('compose');
    await page.getByTestId('composer').waitFor();
    expect(await page.getByTestId('compose-from-error').count()).toBe(0);
    expect(new URL(page.url()).hash).toContain(`from=${hourAgo}`);
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('a JSON body starting with a byte-order mark, opened in the composer, is sent unchanged without asking', async () => {
    const { page, app } = s;
    await view('inspect');
    await send(app.receiverUrl, '/bom-json', {
      method: 'POST',
      body: Buffer.from('\uFEFF{"bom":true}'),
      headers: { 'content-type': 'application/json' },
    });
    await eventually(async () => expect(await row(page, '/bom-json').count()).toBe(1));
    await selectCapture(page, '/bom-json');
    await page.getByTestId('open-in-composer').click();
    await page.getByTestId('composer').waitFor();
    await eventually(async () =>
      expect(await page.getByTestId('preview-size').innerText()).toMatch(/^15 bytes/),
    );
    await page.getByTestId('compose-url').fill(`${target.url}/bom-json`);
    const before = target.requests.length;
    await page.getByTestId('compose-send').click();
    await eventually(async () =>
      expect(await page.getByTestId('compose-sent').innerText()).toContain('HTTP 200'),
    );
    expect(await page.getByTestId('compose-confirm').count()).toBe(0);
    const got = target.requests[before]!;
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.body.equals(Buffer.from('\uFEFF{"bom":true}'))).toBe(true);
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('basic auth set in the endpoint form: 401 without credentials (recorded), 200 with them', async () => {
    const { page, app } = s;
    await view('endpoints');
    await page.getByTestId('endpoint-new').click();
    await page.getByTestId('endpoint-name').fill('Guarded');
    await page.getByTestId('endpoint-slug').fill('guarded');
    await page.getByTestId('endpoint-auth-kind').selectOption('basic');
    await page.getByTestId('endpoint-auth-username').fill('ortto');
    // An empty password is refused by the API, which names the field; the form stays open.
    await page.getByTestId('endpoint-save').click();
    expect(await page.getByTestId('endpoint-error').innerText()).toMatch(/password/i);
    expect(await page.getByTestId('endpoint-auth-password').getAttribute('type')).toBe('password');
    await page.getByTestId('endpoint-auth-password').fill('s3cret');
    await page.getByTestId('endpoint-rate-limit').fill('120');
    await page.getByTestId('endpoint-save').click();
    const card = page.locator('[data-testid="endpoint-card"][data-slug="guarded"]');
    await card.waitFor();
    expect(await card.locator('.endpoint-rule').innerText()).toMatch(/auth: basic[\s\S]*120\/min per IP/);

    const anonymous = await send(app.receiverUrl, '/h/guarded/hook', {
      method: 'POST',
      body: '{"n":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(anonymous.status).toBe(401);
    const authorised = await send(app.receiverUrl, '/h/guarded/hook', {
      method: 'POST',
      body: '{"n":2}',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('ortto:s3cret').toString('base64')}`,
      },
    });
    expect(authorised.status).toBe(200);
    await eventually(async () =>
      expect(await card.getByTestId('endpoint-count').innerText()).toBe('2 captures'),
    );
    const list = await app.rpc<{ items: Array<{ path: string; responseStatus: number | null }> }>(
      'captures.list',
      { limit: 10 },
    );
    if (!list.ok) throw new Error(list.error.message);
    expect(
      list.value.items
        .filter((c) => c.path === '/h/guarded/hook')
        .map((c) => c.responseStatus)
        .sort(),
    ).toEqual([200, 401]);

    // Edit: the saved settings come back into the form, and switching auth off opens the endpoint again.
    await card.getByTestId('endpoint-edit').click();
    expect(await page.getByTestId('endpoint-auth-kind').inputValue()).toBe('basic');
    expect(await page.getByTestId('endpoint-auth-username').inputValue()).toBe('ortto');
    await page.getByTestId('endpoint-auth-kind').selectOption('none');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await card.locator('.endpoint-rule').innerText()).not.toContain('auth:'),
    );
    expect((await send(app.receiverUrl, '/h/guarded/hook', { method: 'POST', body: '{}' })).status).toBe(200);
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('delivery log rows open from the keyboard (Tab, Enter or Space) and show where focus is', async () => {
    const { page, app } = s;
    for (const path of ['/kbd-one', '/kbd-two']) {
      const sent = await app.rpc<{ id: number }>('deliveries.send', {
        request: { method: 'POST', url: `${target.url}${path}`, headers: [], bodyBase64: '' },
        type: 'manual',
      });
      if (!sent.ok) throw new Error(sent.error.message);
    }
    await view('deliveries');
    const log = page.getByRole('table', { name: 'Delivery log' });
    const one = log.locator('tbody tr', { hasText: '/kbd-one' });
    const two = log.locator('tbody tr', { hasText: '/kbd-two' });
    await eventually(async () => expect((await one.count()) + (await two.count())).toBe(2));
    // Newest first: /kbd-two, then Tab reaches /kbd-one.
    await two.focus();
    await page.keyboard.press('Tab');
    expect(await one.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await one.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await page.locator('.delivery-detail').innerText()).toContain('/kbd-one'),
    );
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press(' ');
    await eventually(async () =>
      expect(await page.locator('.delivery-detail').innerText()).toContain('/kbd-two'),
    );
    expect(await two.getAttribute('class')).toContain('selected');
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('a delivery retried by hand, cancelled and retried again shows what happened, not the schedule', async () => {
    const { page, app } = s;
    const failing = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(500).end('down'));
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    let id: number | null = null;
    try {
      const { port } = failing.address() as AddressInfo;
      const sent = await app.rpc<{ id: number }>('deliveries.send', {
        request: { method: 'POST', url: `http://127.0.0.1:${port}/by-hand`, headers: [], bodyBase64: '' },
        type: 'manual',
        policy: 'ortto',
      });
      if (!sent.ok) throw new Error(sent.error.message);
      id = sent.value.id;
      await view('deliveries');
      const log = page.getByRole('table', { name: 'Delivery log' });
      const detail = page.locator('.delivery-detail');
      const rows = detail.locator('.delivery-table tbody tr');
      await eventually(async () =>
        expect(await log.locator('tbody tr', { hasText: '/by-hand' }).count()).toBe(1),
      );
      await log.locator('tbody tr', { hasText: '/by-hand' }).click();
      await eventually(async () => expect(await rows.count()).toBe(1));
      // Ortto waits 5 min after the first attempt: each later attempt here is started by hand.
      expect(await rows.nth(0).locator('td').nth(4).innerText()).toBe('5 min');
      await detail.getByRole('button', { name: 'Retry now' }).click();
      await eventually(async () => expect(await rows.count()).toBe(2));
      expect(await rows.nth(0).locator('td').nth(4).innerText()).toMatch(/^retried by hand after /);
      expect(await rows.nth(1).locator('td').first().innerText()).toBe('2 (by hand)');
      await detail.getByRole('button', { name: 'Cancel' }).click();
      await eventually(async () =>
        expect(await rows.nth(1).locator('td').nth(4).innerText()).toBe('not waited (cancelled)'),
      );
      await detail.getByRole('button', { name: 'Retry now' }).click();
      await eventually(async () => expect(await rows.count()).toBe(3));
      expect(await rows.nth(1).locator('td').nth(4).innerText()).toMatch(/^retried by hand after /);
      await eventually(async () =>
        expect(await detail.locator('.delivery-meta').innerText()).toContain('attempt 3 of 13'),
      );
      expect(expectClean(s.problems)).toEqual(clean);
    } finally {
      // Finished, so later tests that clear finished deliveries see none left waiting.
      if (id !== null) await app.rpc('deliveries.cancel', { id });
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
  });

  it("a target's response shows its bidi and zero-width characters as code points in the log and the attempt", async () => {
    const { page, app } = s;
    const tricky = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\u202edeliaf\u200b!'));
    });
    await new Promise<void>((resolve) => tricky.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = tricky.address() as AddressInfo;
      const sent = await app.rpc<{ id: number }>('deliveries.send', {
        request: { method: 'POST', url: `http://127.0.0.1:${port}/bidi-reply`, headers: [], bodyBase64: '' },
        type: 'manual',
      });
      if (!sent.ok) throw new Error(sent.error.message);
      await view('deliveries');
      const logRow = page
        .getByRole('table', { name: 'Delivery log' })
        .locator('tbody tr', { hasText: '/bidi-reply' });
      await eventually(async () =>
        expect(await logRow.locator('td').nth(3).innerText()).toBe('okU+202EdeliafU+200B!'),
      );
      await logRow.click();
      const detail = page.locator('.delivery-detail');
      const attempt = detail.locator('.delivery-table tbody tr').first();
      await eventually(async () =>
        expect(await attempt.locator('td').nth(5).innerText()).toBe('okU+202EdeliafU+200B!'),
      );
      await detail.getByRole('button', { name: 'Details of attempt 1' }).click();
      const body = detail.getByLabel('Attempt 1 response body', { exact: true });
      expect(await body.innerText()).toBe('okU+202EdeliafU+200B!');
      expect(await body.locator('.invisible-char').first().getAttribute('title')).toBe(
        'RIGHT-TO-LEFT OVERRIDE',
      );
      expect(expectClean(s.problems)).toEqual(clean);
    } finally {
      await new Promise<void>((resolve) => tricky.close(() => resolve()));
    }
  });

  it("an attempt's request headers show UTF-8 bytes as their text and other bytes as Latin-1", async () => {
    const { page, app } = s;
    const sent = await app.rpc<{ id: number }>('deliveries.send', {
      // Header values as bytes, one character each: UTF-8 `café`, then a lone 0xE9 (Latin-1 `café`).
      request: {
        method: 'POST',
        url: `${target.url}/header-bytes`,
        headers: [
          ['X-Utf8', 'caf\xc3\xa9'],
          ['X-Latin1', 'caf\xe9'],
        ],
        bodyBase64: '',
      },
      type: 'manual',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    await view('deliveries');
    const logRow = page
      .getByRole('table', { name: 'Delivery log' })
      .locator('tbody tr', { hasText: '/header-bytes' });
    await eventually(async () => expect(await logRow.locator('td').nth(3).innerText()).toContain('received'));
    await logRow.click();
    const detail = page.locator('.delivery-detail');
    await detail.getByRole('button', { name: 'Details of attempt 1' }).click();
    const headers = await detail.getByLabel('Attempt 1 request headers', { exact: true }).innerText();
    expect(headers).toContain('X-Utf8: café\n');
    expect(headers).toContain('X-Latin1: café\n');
  });

  it('the replay dialog keeps Tab inside, closes on Escape wherever focus is, and gives focus back to its opener', async () => {
    const { page, app } = s;
    await view('inspect');
    await send(app.receiverUrl, '/kbd-replay', { method: 'POST', body: 'x' });
    await eventually(async () => expect(await row(page, '/kbd-replay').count()).toBe(1));
    await selectCapture(page, '/kbd-replay');
    await expectKeyboardModal(page, page.getByTestId('replay-open'), page.getByTestId('replay-dialog'));
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('"Clear finished…" asks first, then deletes the finished deliveries from the log', async () => {
    const { page, app } = s;
    const sent = await app.rpc<{ id: number }>('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/to-clear`, headers: [], bodyBase64: '' },
      type: 'manual',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    await view('deliveries');
    const log = page.getByRole('table', { name: 'Delivery log' });
    await eventually(async () =>
      expect(await log.locator('tbody tr', { hasText: '/to-clear' }).count()).toBe(1),
    );
    const before = await log.locator('tbody tr').count();

    await page.getByRole('button', { name: 'Clear finished…' }).click();
    await page.getByRole('button', { name: 'Keep them' }).click();
    expect(await log.locator('tbody tr').count()).toBe(before);

    await page.getByRole('button', { name: 'Clear finished…' }).click();
    await page.getByRole('button', { name: 'Delete finished deliveries' }).click();
    await eventually(async () => expect(await log.locator('tbody tr').count()).toBe(0));
    expect(await page.locator('.deliveries-log .notice').innerText()).toMatch(
      /^Cleared \d+ finished deliver/,
    );
    const left = await app.rpc<{ items: unknown[] }>('deliveries.list', {});
    expect(left).toMatchObject({ ok: true, value: { items: [] } });
    expect(expectClean(s.problems)).toEqual(clean);
  });

  it('a bulk send form keeps its template and rows file through a look at the delivery log', async () => {
    const { page } = s;
    await fillBulkSend(page, {
      url: `${target.url}/kept/[N]`,
      bodyTemplate: 'kept=[N]',
      rows: { name: 'kept.csv', csv: 'N\n1\n' },
    });
    const startButton = page.getByRole('button', { name: 'Start bulk send' });
    await eventually(async () => expect(await startButton.isEnabled()).toBe(true));
    await page.getByRole('tab', { name: 'Delivery log' }).click();
    await view('inspect');
    await view('deliveries');
    await page.getByRole('tab', { name: 'Bulk send' }).click();
    expect(await page.getByLabel('URL', { exact: true }).inputValue()).toBe(`${target.url}/kept/[N]`);
    expect(await page.getByLabel('Body template').inputValue()).toBe('kept=[N]');
    expect(await startButton.isEnabled()).toBe(true);
    expect(await page.getByTestId('bulk-rows-name').innerText()).toBe('kept.csv');
  });

  it('the Deliveries tab is in the address: a reload keeps it and Back returns to the tab before', async () => {
    // A page of its own: a reload of the session's page would ask about drafts other tests left.
    const page = await s.browser.newPage();
    try {
      await page.goto(s.app.uiUrl);
      const selected = () => page.locator('.deliveries-view [role="tab"][aria-selected="true"]').innerText();
      await page.locator('.view-tab[data-view="deliveries"]').click();
      await page.getByRole('tab', { name: 'Saved webhooks' }).click();
      await eventually(async () => expect(await selected()).toBe('Saved webhooks'));
      await page.reload();
      await page.locator('.status-bar .conn-open').waitFor();
      expect(await selected()).toBe('Saved webhooks');

      await page.getByRole('tab', { name: 'Bulk send' }).click();
      await eventually(async () => expect(await selected()).toBe('Bulk send'));
      await page.goBack();
      await eventually(async () => expect(await selected()).toBe('Saved webhooks'));
      await page.goForward();
      await eventually(async () => expect(await selected()).toBe('Bulk send'));
    } finally {
      await page.close();
    }
  });

  it('a finished bulk send is deleted with its deliveries after a confirmation', async () => {
    const { page, app } = s;
    await fillBulkSend(page, {
      url: `${target.url}/bulk/[N]`,
      bodyTemplate: 'n=[N]',
      rows: { name: 'rows.csv', csv: 'N\n1\n2\n3\n' },
    });
    await page.getByRole('button', { name: 'Start bulk send' }).click();
    const progress = page.getByLabel('Bulk progress');
    await eventually(async () => expect(await progress.innerText()).toMatch(/· done · 3 of 3/));
    expect(
      target.requests
        .filter((r) => r.url.startsWith('/bulk/'))
        .map((r) => r.url)
        .sort(),
    ).toEqual(['/bulk/1', '/bulk/2', '/bulk/3']);
    const jobs = await app.rpc<{ items: Array<{ jobId: number }> }>('bulk.list', {});
    if (!jobs.ok) throw new Error(jobs.error.message);
    const jobId = jobs.value.items[0]!.jobId;

    await progress.getByRole('button', { name: 'Delete…' }).click();
    await progress.getByRole('button', { name: 'Keep it' }).click();
    expect((await app.rpc('bulk.get', { id: jobId })).ok).toBe(true);

    await progress.getByRole('button', { name: 'Delete…' }).click();
    await progress.getByRole('button', { name: 'Delete job and its deliveries' }).click();
    await eventually(async () =>
      expect(await page.locator('.bulk-send .notice').innerText()).toBe(
        `Deleted job ${jobId} and its 3 deliveries.`,
      ),
    );
    expect(await app.rpc('bulk.get', { id: jobId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const left = await app.rpc<{ items: unknown[] }>('deliveries.list', { filter: { bulkJobId: jobId } });
    expect(left).toMatchObject({ ok: true, value: { items: [] } });
    expect(expectClean(s.problems)).toEqual(clean);
  });
  it('deliveries waiting behind a rate limit page in 200 at a time, down to the last', async () => {
    const { page, app } = s;
    // Its own origin: the rate limit is per destination and must not slow the other tests' target.
    const slow = await recordingServer();
    const ids: number[] = [];
    try {
      for (let i = 0; i < 450; i++) {
        const sent = await app.rpc<{ id: number }>('deliveries.send', {
          request: { method: 'POST', url: `${slow.url}/waiting/${i}`, headers: [], bodyBase64: '' },
          type: 'manual',
          ratePerMinute: 1,
        });
        if (!sent.ok) throw new Error(sent.error.message);
        ids.push(sent.value.id);
      }
      await view('deliveries');
      await page.getByRole('tab', { name: 'Delivery log' }).click();
      const waiting = page.getByRole('table', { name: 'Waiting deliveries' }).locator('tbody tr');
      const more = page.getByTestId('waiting-more');
      // One went out at once; the other 449 wait a minute each.
      await eventually(async () => expect(await waiting.count()).toBe(200));
      await more.click();
      await eventually(async () => expect(await waiting.count()).toBe(400));
      await more.click();
      await eventually(async () => expect(await waiting.count()).toBe(449));
      expect(await more.count()).toBe(0);
      expect(await waiting.last().innerText()).toContain('/waiting/1');
    } finally {
      for (const id of ids) await app.rpc('deliveries.cancel', { id });
      await slow.close();
    }
    expect(expectClean(s.problems)).toEqual(clean);
  });
});
