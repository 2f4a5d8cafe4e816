import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openUi, row, send, useUiSession, type UiSession } from './support/ui';

const paths = async (page: Page) =>
  (await page.locator('.row[data-capture-id] .cell.path').allInnerTexts()).sort();
const count = (page: Page) => page.getByTestId('result-count').innerText();

describe('search and filters', () => {
  let s: UiSession;
  let midpoint = 0;
  beforeAll(async () => {
    s = await openUi();
    const created = await s.app.rpc<{ id: number }>('endpoints.create', {
      slug: 'broken',
      name: 'Broken',
      rule: { status: 503, headers: [], body: 'down', delayMs: 0, behaviour: { kind: 'fixed' } },
    });
    if (!created.ok) throw new Error(created.error.message);
    const r = s.app.receiverUrl;
    await send(r, '/orders/created', {
      method: 'POST',
      body: '{"order":"apple-pie"}',
      headers: { 'content-type': 'application/json', 'X-Shop': 'north' },
    });
    await send(r, '/orders/listing', { method: 'GET' });
    await send(r, '/forms/signup', {
      method: 'POST',
      body: 'name=Zed&fruit=banana',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Shop': 'south' },
    });
    await new Promise((done) => setTimeout(done, 30));
    midpoint = Date.now();
    await new Promise((done) => setTimeout(done, 30));
    await send(r, '/h/broken/ping', {
      method: 'PUT',
      body: '<ping>cherry</ping>',
      headers: { 'content-type': 'application/xml' },
    });
    await s.page.reload();
    await row(s.page, '/h/broken/ping').waitFor();
  });
  afterAll(async () => {
    if (!s) return;
    expect(s.problems.dialogs).toEqual([]);
    expect(s.problems.cspViolations).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
    await s.close();
  });
  const reset = async () => {
    await s.page.evaluate(() => (window.location.hash = ''));
    await eventually(async () => expect(await paths(s.page)).toHaveLength(4));
  };

  it('a search with no words or numbers matches nothing, and says what search looks for', async () => {
    const { page } = s;
    await reset();
    for (const text of ['*', '😀', '"-"']) {
      await page.getByTestId('search').fill(text);
      await eventually(async () => expect(await paths(page)).toEqual([]));
      expect(await count(page)).toBe('0 captures match');
      expect(await page.getByTestId('search-hint').innerText()).toBe('search finds words and numbers');
    }
    await page.getByTestId('search').fill('banana');
    await eventually(async () => expect(await paths(page)).toEqual(['/forms/signup']));
    expect(await page.getByTestId('search-hint').count()).toBe(0);
  });

  it('full-text search narrows the list, counts the matches, highlights them and lives in the URL', async () => {
    const { page } = s;
    await reset();
    await page.getByTestId('search').fill('banana');
    await eventually(async () => expect(await paths(page)).toEqual(['/forms/signup']));
    expect(await count(page)).toBe('1 capture matches');
    expect(page.url()).toContain('q=banana');
    await page.getByTestId('search').fill('orders');
    await eventually(async () => expect(await paths(page)).toEqual(['/orders/created', '/orders/listing']));
    expect(await page.locator('.row mark.hl').first().innerText()).toBe('orders');
    await page.reload();
    await eventually(async () => expect(await paths(page)).toEqual(['/orders/created', '/orders/listing']));
    expect(await page.getByTestId('search').inputValue()).toBe('orders');
    await row(page, '/orders/created').click();
    await page.locator('.detail-pane .tab[data-tab="body"]').click();
    expect(await page.getByTestId('json-tree').locator('mark.hl').count()).toBe(0);
    await page.getByTestId('search').fill('apple');
    await eventually(async () =>
      expect(await page.getByTestId('json-tree').locator('mark.hl').first().innerText()).toBe('apple'),
    );
  });

  it('`/` jumps to the search box, but not out of an open modal dialog', async () => {
    const { page } = s;
    await reset();
    const search = page.getByTestId('search');
    const dialog = page.getByTestId('transfer-dialog');
    await page.getByTestId('transfer-button').click();
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('/');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await search.inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await dialog.count()).toBe(0));
    await page.keyboard.press('/');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('Escape closes a filter panel and leaves focus on the button that opened it', async () => {
    const { page } = s;
    await reset();
    const chip = page.getByTestId('filter-status');
    await chip.click();
    await page.locator('.popover label', { hasText: '4xx' }).locator('input').focus();
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await page.locator('.popover').count()).toBe(0));
    expect(await chip.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('method filter', async () => {
    const { page } = s;
    await reset();
    await page.getByTestId('filter-method').click();
    await page.locator('.popover label', { hasText: 'POST' }).locator('input').check();
    await eventually(async () => expect(await paths(page)).toEqual(['/forms/signup', '/orders/created']));
    expect(page.url()).toContain('method=POST');
    expect(await count(page)).toBe('2 captures match');
  });

  it('status filter by class and by exact code', async () => {
    const { page } = s;
    await reset();
    await page.getByTestId('filter-status').click();
    await page.locator('.popover label', { hasText: '5xx' }).locator('input').check();
    await eventually(async () => expect(await paths(page)).toEqual(['/h/broken/ping']));
    await page.locator('.popover label', { hasText: '5xx' }).locator('input').uncheck();
    // Not a code: refused with a message naming the field and what it takes, tied to the box.
    const exact = page.getByTestId('status-exact');
    await exact.fill('abc');
    await page.locator('.popover button', { hasText: 'Add' }).click();
    const message = 'Status: a three-digit code from 100 to 599, such as 404, or a class from 1xx to 5xx';
    await eventually(async () =>
      expect(
        await exact.evaluate((el) => ({
          name: el.getAttribute('aria-label'),
          invalid: el.getAttribute('aria-invalid'),
          describedBy: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
          focused: el === document.activeElement,
        })),
      ).toEqual({ name: 'Status code', invalid: 'true', describedBy: message, focused: true }),
    );
    expect(await page.getByRole('alert').innerText()).toBe(message);
    expect(page.url()).not.toContain('status=');
    await page.getByTestId('status-exact').fill('200');
    await page.getByTestId('status-exact').press('Enter');
    await eventually(async () =>
      expect(await paths(page)).toEqual(['/forms/signup', '/orders/created', '/orders/listing']),
    );
    expect(page.url()).toContain('status=200');
  });

  it('endpoint filter', async () => {
    const { page } = s;
    await reset();
    await page.getByTestId('filter-endpoint').click();
    await page.locator('.popover label', { hasText: 'Broken' }).click();
    await eventually(async () => expect(await paths(page)).toEqual(['/h/broken/ping']));
    expect(page.url()).toMatch(/ep=\d+/);
  });

  it('content-type filter, including a family', async () => {
    const { page } = s;
    await reset();
    await page.getByTestId('filter-ctype').click();
    await page.locator('.popover label', { hasText: 'application/json' }).locator('input').check();
    await eventually(async () => expect(await paths(page)).toEqual(['/orders/created']));
    await page.locator('.popover label', { hasText: 'application/xml' }).locator('input').check();
    await eventually(async () => expect(await paths(page)).toEqual(['/h/broken/ping', '/orders/created']));
  });

  it('a typed content type is listed with the others and can be removed on its own', async () => {
    const { page } = s;
    await reset();
    // The popover may still be open from the test before: open it afresh.
    if (await page.getByTestId('ctype-custom').isVisible()) await page.keyboard.press('Escape');
    await page.getByTestId('filter-ctype').click();
    await page.locator('.popover label', { hasText: 'application/json' }).locator('input').check();
    const custom = page.getByTestId('ctype-custom');
    await custom.fill('Application/*');
    await custom.press('Enter');
    await eventually(async () =>
      expect(await paths(page)).toEqual(['/forms/signup', '/h/broken/ping', '/orders/created']),
    );
    // Adding it again does not list it twice.
    await custom.fill('application/*');
    await custom.press('Enter');
    const added = page.getByTestId('ctype-added');
    await eventually(async () => expect(await added.allInnerTexts()).toEqual(['application/*']));
    await added.locator('input').click(); // the row goes once unchecked, so click rather than uncheck()
    await eventually(async () => expect(await paths(page)).toEqual(['/orders/created']));
    expect(await added.count()).toBe(0);
    const json = page.locator('.popover label', { hasText: 'application/json' }).locator('input');
    expect(await json.isChecked()).toBe(true);
  });

  it('time range filter, from a shared URL and from the presets', async () => {
    const { page } = s;
    await reset();
    await page.evaluate((from) => (window.location.hash = `from=${from}`), midpoint);
    await eventually(async () => expect(await paths(page)).toEqual(['/h/broken/ping']));
    await page.evaluate((to) => (window.location.hash = `to=${to}`), midpoint);
    await eventually(async () =>
      expect(await paths(page)).toEqual(['/forms/signup', '/orders/created', '/orders/listing']),
    );
    await page.getByTestId('filter-time').click();
    await page.locator('.popover label', { hasText: 'Last 5m' }).locator('input').check();
    await eventually(async () => expect(await paths(page)).toHaveLength(4));
    expect(page.url()).toContain('since=5m');
    expect(await page.getByTestId('time-range-error').count()).toBe(0);
    await page.getByTestId('time-from').fill('2030-01-01T00:00');
    await page.getByTestId('time-to').fill('2020-01-01T00:00');
    expect(await page.getByTestId('time-range-error').innerText()).toContain('From is after To');
    await page.keyboard.press('Escape');
  });

  it('a To minute takes in the whole minute, and shows back as the minute picked', async () => {
    const { page } = s;
    await reset();
    const list = await s.app.rpc<{ items: Array<{ path: string; receivedAtMs: number }> }>('captures.list', {
      limit: 10,
    });
    if (!list.ok) throw new Error(list.error.message);
    const ping = list.value.items.find((c) => c.path === '/h/broken/ping')!;
    const minute = await page.evaluate((ms) => {
      const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
      return d.toISOString().slice(0, 16);
    }, ping.receivedAtMs);
    await page.getByTestId('filter-time').click();
    await page.getByTestId('time-from').fill(minute);
    await page.getByTestId('time-to').fill(minute);
    await eventually(async () => expect(await paths(page)).toContain('/h/broken/ping'));
    expect(await page.getByTestId('time-to').inputValue()).toBe(minute);
    expect(await page.getByTestId('time-range-error').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('header present, and header equals', async () => {
    const { page } = s;
    await reset();
    await page.getByTestId('filter-header').click();
    await page.getByTestId('header-name').fill('X-Shop');
    await page.getByTestId('header-apply').click();
    await eventually(async () => expect(await paths(page)).toEqual(['/forms/signup', '/orders/created']));
    await page.getByTestId('filter-header').click();
    await page.getByTestId('header-value').fill('south');
    await page.getByTestId('header-apply').click();
    await eventually(async () => expect(await paths(page)).toEqual(['/forms/signup']));
    expect(page.url()).toContain('h=X-Shop');
    expect(page.url()).toContain('hv=south');
    await page.getByTestId('filter-clear').click();
    await eventually(async () => expect(await paths(page)).toHaveLength(4));
  });

  it('a new capture that matches the active filter appears live; one that does not stays out', async () => {
    const { page } = s;
    await reset();
    await page.getByTestId('search').fill('durian');
    await eventually(async () => expect(await paths(page)).toEqual([]));
    await send(s.app.receiverUrl, '/fruit/other', { method: 'POST', body: 'kiwi' });
    await send(s.app.receiverUrl, '/fruit/match', { method: 'POST', body: 'durian smoothie' });
    await eventually(async () => expect(await paths(page)).toEqual(['/fruit/match']));
    expect(await count(page)).toBe('1 capture matches');
  });

  it('under a filter the engine must answer, arrivals ask for one refresh of the list at a time, and none is lost', async () => {
    const { page } = s;
    await page.evaluate(() => (window.location.hash = 'h=X-Live'));
    await eventually(async () => expect(await count(page)).toBe('0 captures match'));
    // Hold the list's answers: a slow query (a header filter over 200k captures takes a second) while captures arrive.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    let asked!: () => void;
    const firstAsked = new Promise<void>((done) => (asked = done));
    let lists = 0;
    await page.route('**/api/rpc', async (route) => {
      if (route.request().postData()?.includes('"captures.list"')) {
        lists++;
        asked();
        await held;
      }
      await route.continue();
    });
    const live = (n: number) =>
      send(s.app.receiverUrl, `/live/${n}`, { method: 'POST', body: 'x', headers: { 'X-Live': 'yes' } });
    await live(1);
    await firstAsked;
    await live(2);
    await live(3);
    // Several of the refresh's 250 ms pauses: each arrival used to send another list request behind the held one.
    await page.waitForTimeout(1000);
    expect(lists).toBe(1);
    release();
    await eventually(async () => expect(await paths(page)).toEqual(['/live/1', '/live/2', '/live/3']));
    expect(await count(page)).toBe('3 captures match');
    await page.unroute('**/api/rpc');
  });

  /** Holds every `captures.count` answer until the returned function is called; the rest go through. */
  const holdCounts = async (page: Page) => {
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    const handling: Promise<void>[] = [];
    await page.route('**/api/rpc', (route) => {
      const handled = (async () => {
        if ((route.request().postDataJSON() as { method?: string } | null)?.method !== 'captures.count')
          return route.continue();
        // Counted now, answered on release: as a slow count does, it misses whatever is filed meanwhile.
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
      })();
      handling.push(handled);
      return handled;
    });
    return async () => {
      release();
      // Unrouting with answers still held passes their requests on, and the held answers then fail as already handled;
      // a count asked for while unrouting would too, so unrouting waits for the handlers still running.
      await Promise.all(handling);
      await page.unrouteAll({ behavior: 'wait' });
    };
  };

  it('a new filter lists its first page while its count is still being read, and never shows the last total', async () => {
    const { page } = s;
    await page.evaluate(() => (window.location.hash = 'h=X-Live'));
    await eventually(async () => expect(await count(page)).toBe('3 captures match'));
    // A header filter's count reads every match (seconds at a million captures); its first page takes a millisecond.
    const release = await holdCounts(page);
    await page.evaluate(() => (window.location.hash = 'h=X-Shop'));
    await eventually(async () => expect(await paths(page)).toEqual(['/forms/signup', '/orders/created']));
    expect(await count(page)).toBe('… match');
    await release();
    await eventually(async () => expect(await count(page)).toBe('2 captures match'));
  });

  it('captures arriving while the count is read are counted once, whether listed by the page or by the engine', async () => {
    const { page } = s;
    const r = s.app.receiverUrl;
    // A method filter is matched here as captures arrive; a header filter only by the engine (a head refresh).
    for (const [hash, name, sendOne] of [
      ['method=PATCH', 'patched', (path: string) => send(r, path, { method: 'PATCH', body: 'x' })],
      [
        'h=X-Late',
        'late',
        (path: string) => send(r, path, { method: 'POST', body: 'x', headers: { 'X-Late': '1' } }),
      ],
    ] as const) {
      await page.evaluate(() => (window.location.hash = ''));
      await sendOne(`/${name}/1`);
      await sendOne(`/${name}/2`);
      const release = await holdCounts(page);
      await page.evaluate((h) => (window.location.hash = h), hash);
      await eventually(async () => expect(await paths(page)).toEqual([`/${name}/1`, `/${name}/2`]));
      await sendOne(`/${name}/3`);
      // Listed before the next arrives, so the two come in separate refreshes: neither waits for a held count.
      await eventually(async () => expect(await paths(page)).toContain(`/${name}/3`));
      await send(r, '/not-matching', { method: 'GET' });
      await sendOne(`/${name}/4`);
      await eventually(async () =>
        expect(await paths(page)).toEqual([1, 2, 3, 4].map((n) => `/${name}/${n}`)),
      );
      expect(await count(page)).toBe('… match');
      await release();
      await eventually(async () => expect(await count(page)).toBe('4 captures match'));
    }
  });
});

describe('time range on the day New York clocks go back (01:00-01:59 happens twice)', () => {
  const s = useUiSession({ timezoneId: 'America/New_York' });
  const range = (page: Page) => {
    const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
    return { from: params.get('from'), to: params.get('to') };
  };

  it('a From minute starts at its first occurrence and a To minute ends with its last', async () => {
    const { page } = s;
    await page.getByTestId('filter-time').click();
    await page.getByTestId('time-from').fill('2026-11-01T01:00');
    await page.getByTestId('time-to').fill('2026-11-01T01:59');
    await eventually(() =>
      expect(range(page)).toEqual({
        from: String(Date.parse('2026-11-01T01:00:00-04:00')), // EDT, the first 01:00
        to: String(Date.parse('2026-11-01T01:59:59.999-05:00')), // EST, the end of the repeated hour
      }),
    );
    // Both show back as the minutes picked.
    expect(await page.getByTestId('time-from').inputValue()).toBe('2026-11-01T01:00');
    expect(await page.getByTestId('time-to').inputValue()).toBe('2026-11-01T01:59');
    // Any other minute of that day is read as before.
    await page.getByTestId('time-to').fill('2026-11-01T00:30');
    await eventually(() => expect(range(page).to).toBe(String(Date.parse('2026-11-01T00:30:59.999-04:00'))));
    await page.getByTestId('time-to').fill('2026-11-01T02:00');
    await eventually(() => expect(range(page).to).toBe(String(Date.parse('2026-11-01T02:00:59.999-05:00'))));
  });
});
