import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startApp, type TestApp } from '../../helpers/app-server';
import { launchChromium, watchPage, type PageProblems } from '../../helpers/chromium';

export interface UiSession {
  app: TestApp;
  browser: Browser;
  page: Page;
  problems: PageProblems;
  close(): Promise<void>;
}

/** A fresh engine + browser-mode server and a Chromium page on the UI, with dialog/CSP/error watchers attached. */
export async function openUi(
  options: {
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    exportMaxChars?: number;
    /** Deletes of more captures than this cannot be undone (the engine's default is 10,000). */
    maxUndoableDelete?: number;
    /** The page's time zone (an IANA name), for local times on a day the clocks change. */
    timezoneId?: string;
  } = {},
): Promise<UiSession> {
  const app = await startApp({
    exportMaxChars: options.exportMaxChars,
    maxUndoableDelete: options.maxUndoableDelete,
  });
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 860 },
    colorScheme: options.colorScheme ?? 'dark',
    acceptDownloads: true,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const page = await context.newPage();
  const problems = await watchPage(page);
  await page.goto(app.uiUrl);
  await page.locator('.top-bar').waitFor();
  await page.locator('.status-bar .conn-open').waitFor();
  return {
    app,
    browser,
    page,
    problems,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * Runs `use` on a page of its own (the session's watcher counts every dialog as a problem) that accepts every dialog
 * and lists their types in `asked`: how a test sees the question a reload asks while a draft is unsaved.
 */
export async function withDialogsAccepted(
  s: UiSession,
  use: (page: Page, asked: string[]) => Promise<void>,
): Promise<void> {
  const page = await s.browser.newPage();
  try {
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.goto(s.app.uiUrl);
    await use(page, asked);
  } finally {
    await page.close();
  }
}

/** Sends a request to the receiver with Node's fetch (a real HTTP client, not the UI). */
export async function send(
  receiverUrl: string,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string> | Array<[string, string]>;
    body?: string | Uint8Array;
  } = {},
): Promise<Response> {
  return fetch(`${receiverUrl}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: init.headers,
    body: init.body as BodyInit | undefined,
  });
}

export const row = (page: Page, text: string) => page.locator('.row[data-capture-id]', { hasText: text });

/** Problems every test asserts are absent; CSP violations and uncaught errors are never expected. */
export function expectClean(problems: PageProblems): { dialogs: string[]; csp: string[]; errors: string[] } {
  return { dialogs: problems.dialogs, csp: problems.cspViolations, errors: problems.pageErrors };
}

/** Polls until `check` returns without throwing (UI updates are asynchronous); rethrows the last failure. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Text of Monaco's visible lines, with its non-breaking spaces turned back into spaces. */
export async function monacoText(page: Page, scope: string): Promise<string> {
  const lines = page.locator(`${scope} .view-lines`).first();
  await lines.waitFor();
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/**
 * A modal dialog's keyboard contract, checked from its opener's click: Tab and Shift+Tab stay inside it, Escape closes
 * it even with no control focused (after a click on its title), and focus goes back to the opener.
 */
export async function expectKeyboardModal(page: Page, opener: Locator, dialog: Locator): Promise<void> {
  await opener.click();
  await dialog.waitFor();
  const focusInside = () => dialog.evaluate((el) => el.contains(document.activeElement));
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(key);
      expect(await focusInside()).toBe(true);
    }
  }
  await dialog.locator('h2').click();
  await page.keyboard.press('Escape');
  expect(await dialog.count()).toBe(0);
  expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
}

export async function selectCapture(page: Page, text: string): Promise<void> {
  await row(page, text).first().click();
  await page.locator('.detail-pane[data-capture-id]').waitFor();
}

export async function openTab(
  page: Page,
  tab: 'overview' | 'headers' | 'query' | 'body' | 'decoded' | 'response',
): Promise<void> {
  await page.locator(`.detail-pane .tab[data-tab="${tab}"]`).click();
}

/**
 * One UI session per describe block, opened before its tests. On teardown it asserts that no dialog opened (XSS),
 * no CSP violation fired and no uncaught page error happened, then closes. Properties read the live session.
 */
export function useUiSession(options: Parameters<typeof openUi>[0] = {}): UiSession {
  let current: UiSession | undefined;
  beforeAll(async () => {
    current = await openUi(options);
  });
  afterAll(async () => {
    if (!current) return;
    try {
      expect(current.problems.dialogs).toEqual([]);
      expect(current.problems.cspViolations).toEqual([]);
      expect(current.problems.pageErrors).toEqual([]);
    } finally {
      await current.close();
    }
  });
  const live = () => {
    if (!current) throw new Error('the UI session is not open yet (use it inside a test)');
    return current;
  };
  return {
    get app() {
      return live().app;
    },
    get browser() {
      return live().browser;
    },
    get page() {
      return live().page;
    },
    get problems() {
      return live().problems;
    },
    close: () => live().close(),
  };
}
