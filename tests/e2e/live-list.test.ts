import { beforeEach, describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('live list', () => {
  const s = useUiSession();
  beforeEach(async () => {
    await s.app.rpc('captures.deleteAll');
    await s.page.locator('[data-testid="empty-state"]').waitFor();
  });

  it('first run: shows the receiver URL and a curl command, and the sample button sends a webhook that appears', async () => {
    const { page } = s;
    const empty = page.getByTestId('empty-state');
    // One top-level heading, the app's name, whichever view is showing; the empty state's title sits under it.
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1, name: 'Hookscope', exact: true }).count()).toBe(1);
    expect(await empty.getByRole('heading', { level: 2 }).innerText()).toBe('Waiting for the first webhook');
    expect(await empty.innerText()).toContain(s.app.receiverUrl);
    expect(await empty.locator('.empty-curl pre').innerText()).toContain(
      `curl -X POST ${s.app.receiverUrl}/hello`,
    );
    await page.getByTestId('send-sample').click();
    await eventually(async () => expect(await page.locator('.row[data-capture-id]').count()).toBe(1));
    await page.locator('.detail-pane[data-capture-id]').waitFor();
    expect(await page.locator('.row[data-capture-id] .cell.ctype').innerText()).toBe('application/json');
    await eventually(async () => expect(await page.getByTestId('stat-count').innerText()).toBe('1 capture'));
  });

  it('the status bar count follows deletions within a second, not at its next 5-second refresh', async () => {
    for (const n of [1, 2, 3]) await send(s.app.receiverUrl, `/count-${n}`, { method: 'POST', body: 'x' });
    // Its own browser context: a clock belongs to the context, and the other tests' page must keep real time.
    const context = await s.page.context().browser()!.newContext();
    const page = await context.newPage();
    try {
      // The page's timers run only when the test moves its clock, and by less than 5 s in all: the 5-second refresh
      // never runs, so only a refresh that the deletions themselves cause can change the count.
      await page.clock.install();
      await page.clock.pauseAt(Date.now() + 1_000);
      await page.goto(s.app.uiUrl);
      await page.locator('.status-bar .conn-open').waitFor();
      await eventually(async () =>
        expect(await page.getByTestId('stat-count').innerText()).toBe('3 captures'),
      );
      await row(page, '/count-1').waitFor();
      await s.app.rpc('captures.deleteAll');
      // The list takes the deletion in on a timer: move the clock a little at a time until it has.
      await eventually(async () => {
        await page.clock.runFor(50);
        expect(await row(page, '/count-1').count()).toBe(0);
      });
      await page.clock.runFor(1_100);
      await eventually(async () =>
        expect(await page.getByTestId('stat-count').innerText()).toBe('0 captures'),
      );
    } finally {
      await context.close();
    }
  });

  it('the status bar says why captures cannot be stored while the disk is full, and stops once one is stored', async () => {
    const { page } = s;
    const { db } = s.app.engine.ctx;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    try {
      const refused = await send(s.app.receiverUrl, '/too-big', { body: 'x'.repeat(200_000) });
      expect(refused.status).toBe(503);
      await page.reload(); // loads the figures now, not at the next 5-second refresh
      await eventually(async () =>
        expect(await page.getByTestId('stat-storage').innerText()).toMatch(
          /disk holding the data directory is full/,
        ),
      );
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    expect((await send(s.app.receiverUrl, '/fits', { body: 'x' })).status).toBe(200);
    await row(page, '/fits').waitFor();
    await eventually(async () => expect(await page.getByTestId('stat-storage').count()).toBe(0));
  });

  it('the status bar shows how far relabelling stored captures has got, and nothing once it is done', async () => {
    const { page } = s;
    // The engine's pass over 100,000 captures, caught part way (its events are tested with the engine).
    s.app.engine.bus.emit('relabel.progress', { running: true, done: 12_000, total: 100_000 });
    await eventually(async () =>
      expect(await page.getByTestId('stat-relabel').innerText()).toBe(
        'Relabelling 12,000 of 100,000 captures…',
      ),
    );
    s.app.engine.bus.emit('relabel.progress', { running: false, done: 100_000, total: 100_000 });
    await eventually(async () => expect(await page.getByTestId('stat-relabel').count()).toBe(0));
  });

  it('first run: shows no guessed receiver URL to copy before the engine has said which it is', async () => {
    const page = await s.page.context().newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/rpc', async (route) => {
      if (route.request().postData()?.includes('"app.info"')) await held;
      await route.continue();
    });
    try {
      await page.goto(s.app.uiUrl);
      const empty = page.getByTestId('empty-state');
      await empty.waitFor();
      expect(await empty.innerText()).not.toContain('http://');
      expect(await empty.getByRole('button', { name: /Copy/ }).count()).toBe(0);
      release();
      await eventually(async () => expect(await empty.innerText()).toContain(s.app.receiverUrl));
    } finally {
      release();
      await page.close();
    }
  });

  it('follows the OS theme, remembers the toggle, and follows the OS again once toggled back to it', async () => {
    const { page } = s;
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.reload();
    await page.locator('.top-bar').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Back at the OS's theme it follows the OS again, or nothing in the page could return to following it.
    await eventually(async () => {
      const saved = await s.app.rpc<{ theme: string }>('settings.get', {});
      expect(saved.ok && saved.value.theme).toBe('system');
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await eventually(async () =>
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light'),
    );
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(async () =>
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark'),
    );
    await page.getByTestId('theme-toggle').click();
    await eventually(async () => {
      const saved = await s.app.rpc<{ theme: string }>('settings.get', {});
      expect(saved.ok && saved.value.theme).toBe('light');
    });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('.top-bar').waitFor();
    await eventually(async () =>
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light'),
    );
    await s.app.rpc('settings.update', { theme: 'system' });
  });

  it('shows requests sent by a real HTTP client without a reload, newest first, marked unread', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/live/first', {
      method: 'POST',
      body: '{"n":1}',
      headers: { 'content-type': 'application/json' },
    });
    await row(page, '/live/first').waitFor();
    await send(s.app.receiverUrl, '/live/second?x=1', {
      method: 'PUT',
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    await row(page, '/live/second?x=1').waitFor();
    const paths = await page.locator('.row[data-capture-id] .cell.path').allInnerTexts();
    expect(paths).toEqual(['/live/second?x=1', '/live/first']);
    const second = row(page, '/live/second');
    expect(await second.locator('.cell.method').innerText()).toBe('PUT');
    expect(await second.locator('.cell.status').innerText()).toBe('200');
    expect(await second.locator('.cell.size').innerText()).toBe('5 B');
    expect(await second.locator('.cell.ctype').innerText()).toBe('text/plain');
    expect(await second.getAttribute('class')).toContain('unread');
    await second.click();
    await eventually(async () => expect(await second.getAttribute('class')).not.toContain('unread'));
    expect(await row(page, '/live/first').getAttribute('class')).toContain('unread');
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('2 captures'),
    );
  });

  it('holds new rows while paused and shows them on resume', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/before-pause', { method: 'POST', body: 'a' });
    await row(page, '/before-pause').waitFor();
    await page.getByTestId('live-toggle').click();
    await send(s.app.receiverUrl, '/while-paused', { method: 'POST', body: 'b' });
    await eventually(async () =>
      expect(await page.getByTestId('live-toggle').innerText()).toContain('1 new'),
    );
    expect(await row(page, '/while-paused').count()).toBe(0);
    await page.getByTestId('live-toggle').click();
    await row(page, '/while-paused').waitFor();
    expect(await page.getByTestId('live-toggle').innerText()).toContain('Live');
  });

  it('opens the capture the address names when the address changes (Back, Forward, an edited #sel=)', async () => {
    const { page } = s;
    for (const n of [1, 2]) await send(s.app.receiverUrl, `/sel/${n}`, { method: 'POST', body: String(n) });
    await row(page, '/sel/2').waitFor();
    await row(page, '/sel/2').click();
    const active = () => page.locator('.detail-pane[data-capture-id] .detail-path').innerText();
    await eventually(async () => expect(await active()).toBe('/sel/2'));
    const first = await row(page, '/sel/1').getAttribute('data-capture-id');
    await page.evaluate((id) => {
      const p = new URLSearchParams(location.hash.slice(1));
      p.set('sel', String(id));
      location.hash = p.toString();
    }, first);
    await eventually(async () => expect(await active()).toBe('/sel/1'));
  });

  it('moves with ↑/↓ and j/k, opens with Enter, selects ranges with Shift and deletes with Delete', async () => {
    const { page } = s;
    for (const n of [1, 2, 3, 4])
      await send(s.app.receiverUrl, `/kb/${n}`, { method: 'POST', body: String(n) });
    await row(page, '/kb/4').waitFor();
    await row(page, '/kb/4').click();
    const active = () => page.locator('.detail-pane[data-capture-id] .detail-path').innerText();
    await eventually(async () => expect(await active()).toBe('/kb/4'));
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await active()).toBe('/kb/3'));
    await page.keyboard.press('j');
    await eventually(async () => expect(await active()).toBe('/kb/2'));
    await page.keyboard.press('k');
    await eventually(async () => expect(await active()).toBe('/kb/3'));
    await page.keyboard.press('ArrowUp');
    await eventually(async () => expect(await active()).toBe('/kb/4'));
    expect(page.url()).toMatch(/sel=\d+/);

    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await eventually(async () =>
      expect(await page.getByTestId('selected-count').innerText()).toBe('3 selected'),
    );
    await page.locator('[data-testid="capture-list"]').focus();
    await page.keyboard.press('Delete');
    await eventually(async () =>
      expect(await page.locator('.row[data-capture-id] .cell.path').allInnerTexts()).toEqual(['/kb/1']),
    );
    const count = await s.app.rpc<{ count: number }>('captures.count', {});
    expect(count.ok && count.value.count).toBe(1);

    await page.locator('[data-testid="capture-list"]').focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.classList.contains('tab'))).toBe(true),
    );
  });

  it('Shift+↑ on the first row keeps it selected: a range cannot reach past the list', async () => {
    const { page } = s;
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/edge/${n}`, { method: 'POST', body: String(n) });
    await row(page, '/edge/1').waitFor();
    await row(page, '/edge/3').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    const selected = () => page.locator('.row[aria-selected="true"] .cell.path').allInnerTexts();
    await eventually(async () => expect(await selected()).toEqual(['/edge/3']));
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowDown');
    await eventually(async () => expect(await selected()).toEqual(['/edge/1']));
    await page.keyboard.press('Shift+ArrowUp');
    await eventually(async () => expect(await selected()).toEqual(['/edge/2', '/edge/1']));
  });

  it('PageDown and PageUp move the active row a screenful at a time, and Shift extends the selection', async () => {
    const { page } = s;
    for (let n = 0; n < 60; n++)
      await send(s.app.receiverUrl, `/page/${n}/`, { method: 'POST', body: String(n) });
    await eventually(async () =>
      expect(await page.locator('.list-toolbar .muted').first().innerText()).toBe('60 loaded'),
    );
    await row(page, '/page/59/').click();
    const rowsShown = await page
      .getByTestId('capture-scroll')
      .evaluate((el) => Math.floor(el.clientHeight / 28));
    expect(rowsShown).toBeGreaterThan(3);
    const step = rowsShown - 1;
    const activePath = () =>
      page.evaluate(() => {
        const grid = document.querySelector('[data-testid="capture-list"]')!;
        const id = grid.getAttribute('aria-activedescendant');
        return id ? document.getElementById(id)?.querySelector('.path')?.textContent : null;
      });
    await page.keyboard.press('PageDown');
    await eventually(async () => expect(await activePath()).toBe(`/page/${59 - step}/`));
    await page.keyboard.press('PageDown');
    await eventually(async () => expect(await activePath()).toBe(`/page/${59 - 2 * step}/`));
    await page.keyboard.press('PageUp');
    await eventually(async () => expect(await activePath()).toBe(`/page/${59 - step}/`));
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await eventually(async () => expect(await activePath()).toBe('/page/59/'));
    await page.keyboard.press('Shift+PageDown');
    await eventually(async () =>
      expect(await page.getByTestId('selected-count').innerText()).toBe(`${step + 1} selected`),
    );
  });

  it('tells assistive technology which row the arrow keys moved to: one tab stop, the active row its descendant', async () => {
    const { page } = s;
    for (const n of [1, 2]) await send(s.app.receiverUrl, `/aria/${n}`, { method: 'POST', body: String(n) });
    await row(page, '/aria/1').waitFor();
    await page.getByRole('button', { name: 'Export / Import' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        const active = document.getElementById(el.getAttribute('aria-activedescendant') ?? '');
        return {
          role: el.getAttribute('role'),
          name: el.getAttribute('aria-label'),
          active: active?.querySelector('.path')?.textContent,
          selected: active?.getAttribute('aria-selected'),
        };
      });
    await eventually(async () =>
      expect(await focused()).toEqual({
        role: 'grid',
        name: 'Captured requests',
        active: '/aria/1',
        selected: 'true',
      }),
    );
    // A click in the list focuses the grid too, not a second focusable inside it.
    await row(page, '/aria/2').click();
    await eventually(async () => expect((await focused()).active).toBe('/aria/2'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.capture-list'))).toBe(null);
  });

  it('↓ and j work as the "Pick a row" hint says before anything has focus, as on a fresh page', async () => {
    const { page } = s;
    for (const n of [1, 2])
      await send(s.app.receiverUrl, `/nofocus/${n}`, { method: 'POST', body: String(n) });
    await row(page, '/nofocus/1').waitFor();
    await row(page, '/nofocus/2').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.locator('.empty-panel').innerText()).toContain('use ↑/↓ (j/k)');
    const active = () => page.locator('.detail-pane[data-capture-id] .detail-path').innerText();
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await active()).toBe('/nofocus/2'));
    await page.keyboard.press('j');
    await eventually(async () => expect(await active()).toBe('/nofocus/1'));
    // The keys went to the list: it has focus now, so Enter and Delete work next.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'capture-list',
    );
  });

  it('Ctrl-clicking a row off shows a row still selected, not the one taken out', async () => {
    const { page } = s;
    await s.app.rpc('captures.deleteAll');
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/ctrl/${n}`, { method: 'POST', body: String(n) });
    await row(page, '/ctrl/3').waitFor();
    const shown = () => page.locator('.detail-pane[data-capture-id] .detail-path').innerText();
    await row(page, '/ctrl/3').click();
    await row(page, '/ctrl/1').click({ modifiers: ['Control'] });
    await row(page, '/ctrl/2').click({ modifiers: ['Control'] });
    await eventually(async () => expect(await shown()).toBe('/ctrl/2'));
    // The active row taken out: the most recently selected one left is shown.
    await row(page, '/ctrl/2').click({ modifiers: ['Control'] });
    await eventually(async () => expect(await shown()).toBe('/ctrl/1'));
    await row(page, '/ctrl/1').click({ modifiers: ['Control'] });
    await eventually(async () => expect(await shown()).toBe('/ctrl/3'));
    expect(await page.getByTestId('selected-count').count()).toBe(0);
    // The last one taken out: nothing is shown.
    await row(page, '/ctrl/3').click({ modifiers: ['Control'] });
    await eventually(async () =>
      expect(await page.locator('.empty-panel .empty-title').innerText()).toBe('No capture selected'),
    );
  });

  it('a delete can be undone from its notice, or with Ctrl+Z, and the captures come back as they were', async () => {
    const { page } = s;
    await s.app.rpc('captures.deleteAll');
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/undo/${n}`, { method: 'POST', body: `{"n":"undo-${n}"}` });
    const paths = () => page.locator('.row[data-capture-id] .cell.path').allInnerTexts();
    await eventually(async () => expect(await paths()).toEqual(['/undo/3', '/undo/2', '/undo/1']));

    // One capture, from the detail pane's Delete button; undone with the notice's button.
    await row(page, '/undo/2').click();
    await page.locator('.detail-pane .btn-danger').click();
    const toast = page.getByTestId('undo-toast');
    await eventually(async () => expect(await toast.innerText()).toContain('Deleted 1 capture'));
    await eventually(async () => expect(await paths()).toEqual(['/undo/3', '/undo/1']));
    await toast.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => expect(await paths()).toEqual(['/undo/3', '/undo/2', '/undo/1']));
    // It is selected again, with its body, and search finds it.
    await eventually(async () =>
      expect(await page.locator('.detail-pane[data-capture-id] .detail-path').innerText()).toBe('/undo/2'),
    );
    expect(await toast.count()).toBe(0);
    const found = await s.app.rpc<{ items: { path: string }[] }>('captures.list', {
      filter: { text: 'undo-2' },
      limit: 5,
      complete: true,
    });
    expect(found.ok && found.value.items.map((c) => c.path)).toEqual(['/undo/2']);

    // Two captures with the keyboard; undone with Ctrl+Z.
    await row(page, '/undo/3').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.locator('[data-testid="capture-list"]').focus();
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await paths()).toEqual(['/undo/1']));
    await eventually(async () => expect(await toast.innerText()).toContain('Deleted 2 captures'));
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await paths()).toEqual(['/undo/3', '/undo/2', '/undo/1']));
    const count = await s.app.rpc<{ count: number }>('captures.count', {});
    expect(count.ok && count.value.count).toBe(3);
  });

  it('a delete that fails says why, and the captures stay selected', async () => {
    const { page } = s;
    for (const n of [1, 2])
      await send(s.app.receiverUrl, `/fail-delete/${n}`, { method: 'POST', body: '{}' });
    await row(page, '/fail-delete/1').waitFor();
    await page.route('**/api/rpc', (route) =>
      route.request().postData()?.includes('"captures.delete"') ? route.abort() : route.continue(),
    );
    try {
      await row(page, '/fail-delete/2').click();
      await page.keyboard.press('Shift+ArrowDown');
      await page.locator('[data-testid="capture-list"]').focus();
      await page.keyboard.press('Delete');
      const toast = page.getByTestId('undo-toast');
      await eventually(async () => expect(await toast.innerText()).toContain('Could not delete:'));
      expect(await toast.getByRole('button', { name: 'Undo' }).count()).toBe(0);
      await eventually(async () =>
        expect(await page.getByTestId('selected-count').innerText()).toBe('2 selected'),
      );
      expect(await row(page, '/fail-delete/2').count()).toBe(1);
      await toast.getByRole('button', { name: 'Dismiss' }).click();
    } finally {
      await page.unroute('**/api/rpc');
    }
  });

  it('an undo after another client deleted everything says the capture is gone, not that it came back', async () => {
    const { page } = s;
    await s.app.rpc('captures.deleteAll');
    await send(s.app.receiverUrl, '/undo-gone', { method: 'POST', body: '{}' });
    await row(page, '/undo-gone').click();
    await page.locator('.detail-pane .btn-danger').click();
    const toast = page.getByTestId('undo-toast');
    await eventually(async () => expect(await toast.innerText()).toContain('Deleted 1 capture'));
    await s.app.rpc('captures.deleteAll');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () =>
      expect(await toast.innerText()).toContain('Could not undo: 1 capture deleted for good since'),
    );
    expect(await row(page, '/undo-gone').count()).toBe(0);
  });

  it('captures another window deleted and brought back with Undo are listed and counted again', async () => {
    const { page } = s;
    await s.app.rpc('captures.deleteAll');
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/other-undo/${n}`, { method: 'POST', body: '{}' });
    const paths = () => page.locator('.row[data-capture-id] .cell.path').allInnerTexts();
    const count = () => page.getByTestId('result-count').innerText();
    await eventually(async () => expect(await count()).toBe('3 captures'));
    const listed = await s.app.rpc<{ items: Array<{ id: number; path: string }> }>('captures.list', {
      limit: 5,
    });
    if (!listed.ok) throw new Error(listed.error.message);
    const middle = listed.value.items.find((c) => c.path === '/other-undo/2')!.id;

    // What another window's Delete and then its Undo ask the engine.
    await s.app.rpc('captures.delete', { ids: [middle] });
    await eventually(async () => expect(await count()).toBe('2 captures'));
    const restored = await s.app.rpc<{ restored: number[] }>('captures.restore', { ids: [middle] });
    expect(restored.ok && restored.value.restored).toEqual([middle]);
    await eventually(async () =>
      expect(await paths()).toEqual(['/other-undo/3', '/other-undo/2', '/other-undo/1']),
    );
    await eventually(async () => expect(await count()).toBe('3 captures'));
  });

  it('a second delete while the undo notice shows joins it: one undo brings both back', async () => {
    const { page } = s;
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/twice/${n}`, { method: 'POST', body: `{"n":${n}}` });
    const paths = () => page.locator('.row[data-capture-id] .cell.path').allInnerTexts();
    await eventually(async () => expect(await paths()).toEqual(['/twice/3', '/twice/2', '/twice/1']));
    const toast = page.getByTestId('undo-toast');
    for (const [path, said] of [
      ['/twice/1', 'Deleted 1 capture'],
      ['/twice/2', 'Deleted 2 captures'],
    ] as const) {
      await row(page, path).click();
      await page.locator('.detail-pane .btn-danger').click();
      await eventually(async () => expect(await toast.innerText()).toContain(said));
    }
    await eventually(async () => expect(await paths()).toEqual(['/twice/3']));
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await paths()).toEqual(['/twice/3', '/twice/2', '/twice/1']));
  });

  it('a delete undone in another window comes back in this one, with the count and under a search', async () => {
    const { page } = s;
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/elsewhere/${n}`, { method: 'POST', body: `heron-${n}` });
    const paths = () => page.locator('.row[data-capture-id] .cell.path').allInnerTexts();
    const all = ['/elsewhere/3', '/elsewhere/2', '/elsewhere/1'];
    await eventually(async () => expect(await paths()).toEqual(all));
    const other = await s.browser.newPage();
    try {
      await other.goto(s.app.uiUrl);
      await other.locator('.status-bar .conn-open').waitFor();
      const deleteAndUndo = async (path: string) => {
        await row(other, path).click();
        await other.locator('.detail-pane .btn-danger').click();
        await eventually(async () => expect(await paths()).not.toContain(path));
        await other.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
      };

      await deleteAndUndo('/elsewhere/2');
      await eventually(async () => expect(await paths()).toEqual(all));
      await eventually(async () =>
        expect(await page.getByTestId('result-count').innerText()).toBe('3 captures'),
      );

      await page.getByTestId('search').fill('heron');
      await eventually(async () =>
        expect(await page.getByTestId('result-count').innerText()).toBe('3 captures match'),
      );
      await deleteAndUndo('/elsewhere/1');
      await eventually(async () => expect(await paths()).toEqual(all));
      await eventually(async () =>
        expect(await page.getByTestId('result-count').innerText()).toBe('3 captures match'),
      );
    } finally {
      await other.close();
      await page.getByTestId('search').fill('');
    }
  });

  it('an undo that brings back captures beyond the retention limits says they will go again', async () => {
    const { page } = s;
    await s.app.rpc('captures.deleteAll');
    await send(s.app.receiverUrl, '/undo-limit/1', { method: 'POST', body: '{}' });
    await send(s.app.receiverUrl, '/undo-limit/2', { method: 'POST', body: '{}' });
    await row(page, '/undo-limit/1').click();
    await page.locator('.detail-pane .btn-danger').click();
    const toast = page.getByTestId('undo-toast');
    await eventually(async () => expect(await toast.innerText()).toContain('Deleted 1 capture'));
    try {
      await s.app.rpc('settings.update', { retention: { maxCount: 1, maxAgeMs: null } });
      await toast.getByRole('button', { name: 'Undo' }).click();
      await eventually(async () =>
        expect(await toast.innerText()).toContain(
          'Restored 1 capture; 1 is beyond the retention limits (Settings) and will be deleted again at the next pass',
        ),
      );
    } finally {
      await s.app.rpc('settings.update', { retention: { maxCount: null, maxAgeMs: null } });
    }
    await toast.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('shift-click with the range anchor hidden by a search starts a new selection at the clicked row', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/anchor/hidden', { method: 'POST', body: 'walrus' });
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/anchor/${n}`, { method: 'POST', body: 'narwhal' });
    await row(page, '/anchor/hidden').click();
    await page.getByTestId('search').fill('narwhal');
    await eventually(async () => expect(await row(page, '/anchor/hidden').count()).toBe(0));
    await row(page, '/anchor/2').click({ modifiers: ['Shift'] });
    await eventually(async () =>
      expect(await page.locator('.row[aria-selected="true"] .cell.path').allInnerTexts()).toEqual([
        '/anchor/2',
      ]),
    );
    expect(await page.getByTestId('delete-selected').isDisabled()).toBe(false);
    await row(page, '/anchor/1').click({ modifiers: ['Shift'] });
    await eventually(async () =>
      expect(await page.getByTestId('selected-count').innerText()).toBe('2 selected'),
    );
    await page.getByTestId('search').fill('');
  });

  it('ctrl-click builds a multi-selection', async () => {
    const { page } = s;
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/multi/${n}`, { method: 'POST', body: String(n) });
    // All three listed before clicking (each arrives in a frame of its own), and the plain click taken in before the
    // ctrl-click: "N selected" exists only from two selected rows, so reading it after a lost click waited out the test.
    await eventually(async () =>
      expect(await page.locator('.row[data-capture-id] .cell.path').allInnerTexts()).toEqual([
        '/multi/3',
        '/multi/2',
        '/multi/1',
      ]),
    );
    await row(page, '/multi/1').click();
    await row(page, '/multi/1').and(page.locator('.row.active')).waitFor();
    await row(page, '/multi/3').click({ modifiers: ['Control'] });
    await eventually(async () =>
      expect(await page.getByTestId('selected-count').allInnerTexts()).toEqual(['2 selected']),
    );
    expect(await page.locator('.row[aria-selected="true"] .cell.path').allInnerTexts()).toEqual([
      '/multi/3',
      '/multi/1',
    ]);
  });

  it('pages by cursor: only a first page loads, more arrive on scroll', async () => {
    const { page } = s;
    const imported = await s.app.rpc<{ imported: number }>('captures.importHar', {
      har: JSON.stringify(bigHar(450)),
    });
    expect(imported.ok && imported.value.imported).toBe(450);
    await page.reload();
    await row(page, '/bulk/').first().waitFor();
    const loaded = async () =>
      Number((await page.locator('.list-toolbar .muted').first().innerText()).split(' ')[0]);
    const first = await loaded();
    expect(first).toBeLessThan(450);
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 30 && (await loaded()) < 450; i++) {
      await page.getByTestId('capture-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(100);
    }
    expect(await loaded()).toBe(450);
  });

  it('a search lists every match of a burst bigger than a page, as the index reaches them', async () => {
    const { page } = s;
    const search = page.getByTestId('search');
    await search.fill('burstword');
    await search.press('Enter');
    await page.locator('[data-testid="empty-state"], .list-toolbar').first().waitFor();
    // All at once (one import): more matches arrive in one refresh of the list than a page holds.
    const total = 600;
    const har = bigHar(total);
    for (const entry of har.log.entries) entry.request.postData.text = `burstword ${entry.request.url}`;
    const imported = await s.app.rpc<{ imported: number }>('captures.importHar', {
      har: JSON.stringify(har),
    });
    expect(imported.ok && imported.value.imported).toBe(total);
    // Some filler that does not match, arriving after the burst.
    await send(s.app.receiverUrl, '/filler', { body: 'nothing to see' });
    const loaded = async () =>
      Number((await page.locator('.list-toolbar .muted').first().innerText()).split(' ')[0]);
    await eventually(async () => {
      await page.getByTestId('capture-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      expect(await loaded()).toBe(total);
    }, 30_000);
    const listed = await page
      .locator('.row[data-capture-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-capture-id')));
    expect(new Set(listed).size).toBe(listed.length);
    await search.fill('');
    await search.press('Enter');
    await page.getByTestId('capture-scroll').evaluate((el) => el.scrollTo(0, 0));
    await row(page, '/filler').first().waitFor();
  });

  it('deletes made elsewhere: the count follows, nothing deleted stays selected, open or held while paused', async () => {
    const { page } = s;
    const imported = await s.app.rpc<{ imported: number }>('captures.importHar', {
      har: JSON.stringify(bigHar(420)),
    });
    expect(imported.ok && imported.value.imported).toBe(420);
    await page.reload();
    const count = () => page.getByTestId('result-count').innerText();
    await eventually(async () => expect(await count()).toBe('420 captures'));
    const ids = async () => {
      const r = await s.app.rpc<{ items: Array<{ id: number; path: string }> }>('captures.list', {
        limit: 500,
      });
      if (!r.ok) throw new Error(`captures.list failed: ${JSON.stringify(r)}`);
      return r.value.items;
    };
    const all = await ids();
    // The oldest five are beyond the loaded page; the newest is open in the detail pane.
    await row(page, '/bulk/419').click();
    await page.locator('.detail-pane[data-capture-id]').waitFor();
    await s.app.rpc('captures.delete', { ids: [...all.slice(-5).map((c) => c.id), all[0]!.id] });
    await eventually(async () => expect(await count()).toBe('414 captures'));
    await eventually(async () => expect(await page.locator('.detail-pane[data-capture-id]').count()).toBe(0));
    expect(new URL(page.url()).hash).not.toContain('sel=');

    // Held while paused, deleted before resuming: they do not come back.
    await page.getByTestId('live-toggle').click();
    for (const n of [1, 2])
      await send(s.app.receiverUrl, `/paused-then-deleted/${n}`, { method: 'POST', body: 'x' });
    await eventually(async () =>
      expect(await page.getByTestId('live-toggle').innerText()).toContain('2 new'),
    );
    const held = (await ids()).filter((c) => c.path.startsWith('/paused-then-deleted/')).map((c) => c.id);
    await s.app.rpc('captures.delete', { ids: held });
    await eventually(async () =>
      expect(await page.getByTestId('live-toggle').innerText()).not.toContain('new'),
    );
    await page.getByTestId('live-toggle').click();
    await page.waitForTimeout(300);
    expect(await row(page, '/paused-then-deleted/').count()).toBe(0);
    expect(await count()).toBe('414 captures');

    // A toolbar delete of a selection whose active row is not in it leaves nothing selected.
    await row(page, '/bulk/410').click();
    await row(page, '/bulk/409').click({ modifiers: ['Control'] });
    await row(page, '/bulk/408').click({ modifiers: ['Control'] });
    await row(page, '/bulk/408').click({ modifiers: ['Control'] });
    expect(await page.getByTestId('selected-count').innerText()).toBe('2 selected');
    await page.getByTestId('delete-selected').click();
    await eventually(async () => expect(await page.getByTestId('selected-count').count()).toBe(0));
    expect(await page.locator('.row[aria-selected="true"]').count()).toBe(0);
  });

  it('charts count what is stored: the rate this minute and the status classes', async () => {
    const { page } = s;
    for (const n of [1, 2, 3])
      await send(s.app.receiverUrl, `/charts/${n}`, { method: 'POST', body: `{"n":${n}}` });
    await page.reload();
    const charts = page.getByTestId('charts');
    await eventually(async () => {
      expect(await charts.locator('.chart-label strong').innerText()).toBe('3');
      expect(await charts.locator('.status-legend').innerText()).toMatch(/2xx 3\s+3xx 0\s+4xx 0\s+5xx 0/);
    });
    // Each chart is a keyboard stop (its points read out with the arrow keys): each says what it shows.
    expect(
      await charts.getByRole('application', { name: 'Captures per minute, last 30 minutes' }).count(),
    ).toBe(1);
    expect(await charts.getByRole('application', { name: 'Captures by status class' }).count()).toBe(1);
    // Deleted elsewhere: the charts follow within a second or so, not at the next minute.
    const list = await s.app.rpc<{ items: Array<{ id: number }> }>('captures.list', { limit: 1 });
    if (!list.ok) throw new Error('list failed');
    await s.app.rpc('captures.delete', { ids: [list.value.items[0]!.id] });
    await eventually(async () => {
      expect(await charts.locator('.chart-label strong').innerText()).toBe('2');
      expect(await charts.locator('.status-legend').innerText()).toMatch(/2xx 2\s+3xx 0/);
    }, 4000);
  });

  it('a capture from another day shows its date in the list, not only a clock time that reads as today', async () => {
    const { page } = s;
    const threeDaysAgo = Date.now() - 3 * 86_400_000;
    const yearsAgo = Date.now() - 800 * 86_400_000;
    const entries = [
      ['/days-ago', threeDaysAgo],
      ['/years-ago', yearsAgo],
    ].map(([path, ms]) => ({
      startedDateTime: new Date(ms!).toISOString(),
      request: { method: 'POST', url: `https://example.com${path}`, headers: [] },
    }));
    const imported = await s.app.rpc('captures.importHar', { har: JSON.stringify({ log: { entries } }) });
    expect(imported.ok).toBe(true);
    await send(s.app.receiverUrl, '/today', { method: 'POST', body: 'x' });
    await row(page, '/today').waitFor();
    // In the page's time zone: the day the capture came in there.
    const local = (ms: number) =>
      page.evaluate((ms) => {
        const d = new Date(ms);
        const p = (n: number) => String(n).padStart(2, '0');
        return {
          year: d.getFullYear(),
          day: `${p(d.getMonth() + 1)}-${p(d.getDate())}`,
          hm: `${p(d.getHours())}:${p(d.getMinutes())}`,
        };
      }, ms);
    const time = (path: string) => row(page, path).locator('.cell.time').innerText();
    const threeDays = await local(threeDaysAgo);
    const thisYear = threeDays.year === (await local(Date.now())).year;
    expect(await time('/days-ago')).toBe(
      thisYear ? `${threeDays.day} ${threeDays.hm}` : `${threeDays.year}-${threeDays.day}`,
    );
    const old = await local(yearsAgo);
    expect(await time('/years-ago')).toBe(`${old.year}-${old.day}`);
    expect(await time('/today')).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
  });

  it('a row from before midnight gets its date once the day changes, without a reload', async () => {
    // Sent before the page opens, so nothing but the new day can redraw its row.
    await send(s.app.receiverUrl, '/before-midnight', { method: 'POST', body: 'x' });
    const page = await s.browser.newPage();
    try {
      // The page's clock starts three minutes before its next midnight and is moved by the test; the engine keeps
      // real time (earlier the same day, so the row shows a bare clock time).
      const { midnight, day } = await page.evaluate(() => {
        const now = new Date();
        const p = (n: number) => String(n).padStart(2, '0');
        const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
        return { midnight: next.getTime(), day: `${p(now.getMonth() + 1)}-${p(now.getDate())}` };
      });
      await page.clock.install({ time: Math.max(Date.now(), midnight - 3 * 60_000) });
      await page.goto(s.app.uiUrl);
      const time = () => row(page, '/before-midnight').locator('.cell.time').innerText();
      await eventually(async () => expect(await time()).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/));
      await page.clock.fastForward('04:00');
      await eventually(async () => expect(await time()).toMatch(new RegExp(`^(\\d{4}-)?${day} `)));
    } finally {
      await page.close();
    }
  });

  it('with a time range that ended hours ago, the rate chart covers the end of that range, not the last 30 minutes', async () => {
    const { page } = s;
    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 3 * 3_600_000;
    const entries = [1, 2, 3].map((n) => ({
      startedDateTime: new Date(minute + n * 1000).toISOString(),
      request: { method: 'POST', url: `https://example.com/charts-past/${n}`, headers: [] },
    }));
    const imported = await s.app.rpc('captures.importHar', { har: JSON.stringify({ log: { entries } }) });
    expect(imported.ok).toBe(true);
    await page.evaluate((hash) => (window.location.hash = hash), `from=${minute}&to=${minute + 59_999}`);
    await row(page, '/charts-past/3').waitFor();
    const charts = page.getByTestId('charts');
    await eventually(async () => expect(await charts.locator('.chart-label strong').innerText()).toBe('3'));
  });
});

describe('deleting more captures than Undo keeps', () => {
  // Undo keeps 2 here, so 3 rows stand for the 10,000 of a real "select all".
  const s = useUiSession({ maxUndoableDelete: 2 });

  it('asks first, and then says the captures were deleted for good', async () => {
    const { page } = s;
    for (const n of [1, 2, 3]) await send(s.app.receiverUrl, `/final/${n}`, { method: 'POST', body: '{}' });
    const paths = () => page.locator('.row[data-capture-id] .cell.path').allInnerTexts();
    await eventually(async () => expect(await paths()).toEqual(['/final/3', '/final/2', '/final/1']));
    await row(page, '/final/3').click();
    const list = page.locator('[data-testid="capture-list"]');
    await list.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');

    // Kept on "Keep them".
    const prompt = page.getByTestId('delete-for-good');
    expect(await prompt.innerText()).toContain(
      'Delete 3 captures for good? They cannot be undone (Undo keeps up to 2)',
    );
    await prompt.getByRole('button', { name: 'Keep them' }).click();
    expect(await prompt.count()).toBe(0);
    const count = async () => {
      const r = await s.app.rpc<{ count: number }>('captures.count', {});
      return r.ok && r.value.count;
    };
    expect(await count()).toBe(3);

    await list.focus();
    await page.keyboard.press('Delete');
    await prompt.getByRole('button', { name: 'Delete for good' }).click();
    await eventually(async () => expect(await paths()).toEqual([]));
    const toast = page.getByTestId('undo-toast');
    await eventually(async () => expect(await toast.innerText()).toContain('Deleted 3 captures for good'));
    expect(await toast.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    expect(await count()).toBe(0);
  });
});

function bigHar(n: number) {
  const started = Date.now() - n * 1000;
  return {
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: Array.from({ length: n }, (_, i) => ({
        startedDateTime: new Date(started + i * 1000).toISOString(),
        time: 1,
        request: {
          method: 'POST',
          url: `http://127.0.0.1/bulk/${i}`,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: [{ name: 'Content-Type', value: 'application/json' }],
          queryString: [],
          postData: { mimeType: 'application/json', text: JSON.stringify({ i }) },
          headersSize: -1,
          bodySize: -1,
        },
        response: {
          status: 200,
          statusText: 'OK',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: 'text/plain' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
        },
        cache: {},
        timings: { send: 0, wait: 0, receive: 0 },
      })),
    },
  };
}
