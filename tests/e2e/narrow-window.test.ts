import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLtServer } from '../integration/tunnel/lt-server';
import { selectCapture, send, useUiSession } from './support/ui';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
}

const boxesOf = (page: Page, selector: string): Promise<Box[]> =>
  page.locator(selector).evaluateAll((elements) =>
    elements
      // A screen-reader-only status (a Copy button's "Copied") takes no visible room.
      .filter((e) => !e.classList.contains('visually-hidden'))
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, name: e.className || e.tagName };
      })
      .filter((b) => b.width > 0 && b.height > 0),
  );

const overlap = (a: Box, b: Box) =>
  a.x + a.width > b.x + 0.5 &&
  b.x + b.width > a.x + 0.5 &&
  a.y + a.height > b.y + 0.5 &&
  b.y + b.height > a.y + 0.5;

function expectSideBySide(boxes: Box[], within: { left: number; right: number }) {
  for (const b of boxes) {
    expect(b.x, `${b.name} starts inside`).toBeGreaterThanOrEqual(within.left - 0.5);
    expect(b.x + b.width, `${b.name} ends inside`).toBeLessThanOrEqual(within.right + 0.5);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.name} overlaps ${boxes[j]!.name}`).toBe(false);
}

// Electron's window can be made as narrow as 800 px (main-window.ts): every control must stay on screen there.
describe('the smallest window (800 × 600)', () => {
  const s = useUiSession({ viewport: { width: 800, height: 600 } });

  it('keeps every top-bar control on screen, none covering another', async () => {
    const boxes = await boxesOf(s.page, '.top-bar > *');
    expect(boxes.map((b) => b.name).join(' ')).toContain('theme-toggle');
    expectSideBySide(boxes, { left: 0, right: 800 });
  });

  it('keeps the public-URL panel on screen, before and once the public URL is shown beside it', async () => {
    const { page } = s;
    const panelBox = async () => {
      await page.getByTestId('tunnel-control').click();
      await page.getByTestId('tunnel-panel').waitFor();
      const box = (await boxesOf(page, '.tunnel-control .popover'))[0]!;
      await page.keyboard.press('Escape');
      return box;
    };
    expectSideBySide([await panelBox()], { left: 0, right: 800 });
    const lt = await startLtServer();
    try {
      // The URL stays shown while the health probe fails (`<id>.lt.test` resolves nowhere outside the test server).
      await s.app.rpc('tunnel.start', { host: lt.host, subdomain: null });
      await page.getByTestId('public-url').waitFor();
      expectSideBySide([await panelBox()], { left: 0, right: 800 });
    } finally {
      await s.app.rpc('tunnel.stop');
      await lt.stop();
    }
  });

  it("shows the composer's preview whole below the editor, reached by scrolling", async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    const preview = page.getByTestId('compose-preview');
    await preview.waitFor({ state: 'attached' });
    const size = await preview.evaluate((e) => ({ shown: e.clientHeight, needed: e.scrollHeight }));
    expect(size.needed).toBeGreaterThan(100);
    expect(size.shown).toBeGreaterThanOrEqual(size.needed);
    await page.locator('.view-tab[data-view="inspect"]').click();
  });

  it('keeps Time, Method, Path and Status of a list row inside the list pane, each under its own header', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/narrow/columns/a-rather-long-path-segment', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"ok":true}',
    });
    const target = page.locator('.row[data-capture-id]', { hasText: '/narrow/columns' }).first();
    await target.waitFor();
    const layout = await target.evaluate((row) => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width };
      };
      const pane = row.closest('.list-pane')!.getBoundingClientRect();
      const scroll = row.closest('.list-scroll')!;
      const scrollBox = scroll.getBoundingClientRect();
      // The visible part of the list: the pane, less the scroll area's vertical scrollbar.
      const visible = {
        left: Math.max(pane.left, scrollBox.left),
        right: Math.min(pane.right, scrollBox.left + scroll.clientLeft + scroll.clientWidth),
      };
      const columns = ['time', 'method', 'path', 'endpoint', 'status', 'size', 'ctype', 'source'];
      const cells = [...row.querySelectorAll('.cell')]
        .map((c) => ({ name: columns.find((n) => c.classList.contains(n))!, ...box(c) }))
        .filter((c) => c.width > 0);
      const headers = [...row.closest('.capture-list')!.querySelectorAll('.list-header [role=columnheader]')]
        .map((h) => ({ name: h.textContent!, ...box(h) }))
        .filter((h) => h.width > 0);
      return { visible, cells, headers };
    });
    const cell = (name: string) => layout.cells.find((c) => c.name === name);
    for (const name of ['time', 'method', 'path', 'status']) {
      const c = cell(name);
      expect(c, `${name} cell shown`).toBeDefined();
      expect(c!.left, `${name} starts inside the list pane`).toBeGreaterThanOrEqual(
        layout.visible.left - 0.5,
      );
      expect(c!.right, `${name} ends inside the list pane`).toBeLessThanOrEqual(layout.visible.right + 0.5);
    }
    // Every shown cell lies inside the visible list, and one header stands over each shown cell, left edges aligned.
    for (const c of layout.cells)
      expect(c.right, `${c.name} ends inside`).toBeLessThanOrEqual(layout.visible.right + 0.5);
    const headerOf: Record<string, string> = {
      time: 'Time',
      method: 'Method',
      path: 'Path',
      endpoint: 'Endpoint',
      status: 'Status',
      size: 'Size',
      ctype: 'Content type',
      source: 'Source',
    };
    expect(layout.headers.map((h) => h.name)).toEqual(layout.cells.map((c) => headerOf[c.name]));
    layout.headers.forEach((h, i) =>
      expect(Math.abs(h.left - layout.cells[i]!.left), `${h.name} aligned`).toBeLessThan(1),
    );
  });

  it("fits the time column's widest forms whole: another day's minute from the hour the clocks go back, with its offset", async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/narrow/time-column', { method: 'POST', body: 'x' });
    const cell = page
      .locator('.row[data-capture-id]', { hasText: '/narrow/time-column' })
      .first()
      .locator('.cell.time');
    await cell.waitFor();
    // The forms formatListTime gives (format.test.ts), written into a real row's cell to measure them there.
    const cut = await cell.evaluate((element) => {
      const shown = element.lastChild!;
      const before = shown.textContent;
      const overflowing = ['11-01 01:30 -04', '00:59:59.500', '01:30:00 -04', '01:45 +10:30'].filter(
        (text) => {
          shown.textContent = text;
          return element.scrollWidth > element.clientWidth;
        },
      );
      shown.textContent = before;
      return overflowing;
    });
    expect(cut).toEqual([]);
  });

  it("keeps every tab of a capture's detail inside the detail pane", async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/narrow/form', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'First_Name=Mary&Email=mary%40example.com',
    });
    await selectCapture(page, '/narrow/form');
    const pane = (await boxesOf(page, '.detail-pane'))[0]!;
    const tabs = await boxesOf(page, '.detail-pane .tabs .tab');
    expect(tabs.length).toBeGreaterThanOrEqual(6);
    expectSideBySide(tabs, { left: pane.x, right: pane.x + pane.width });
    expectSideBySide(await boxesOf(page, '.detail-pane .detail-actions > *'), {
      left: pane.x,
      right: pane.x + pane.width,
    });
  });
});
