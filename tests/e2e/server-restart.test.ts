import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/app-server';
import { launchChromium, watchPage, type PageProblems } from '../helpers/chromium';
import { tempDir } from '../helpers/temp-dir';
import { eventually, send } from './support/ui';

// The server restarts on the same port and data folder with a new per-run token: the open tab's token is dead.
describe('server restarted under an open tab', () => {
  const dir = tempDir();
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    app = await startApp({ dataDir: dir.path });
    browser = await launchChromium();
    page = await browser.newPage();
    problems = await watchPage(page);
    await page.goto(app.uiUrl);
    await page.locator('.status-bar .conn-open').waitFor();
    await send(app.receiverUrl, '/before-restart', { body: '{}' });
    await eventually(async () => expect(await page.getByTestId('stat-count').innerText()).toBe('1 capture'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    dir.cleanup();
  });

  it('stops retrying, says the link is out of date, forgets the token and stops presenting old figures', async () => {
    const port = Number(new URL(app.apiUrl).port);
    await app.close();
    // While the server is down the figures are marked as last known, not current.
    await page.locator('.status-bar [data-testid="stats"][data-stale]').waitFor();
    app = await startApp({ dataDir: dir.path, uiPort: port });

    const banner = page.getByTestId('connection-banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.innerText()).toContain('Hookscope restarted or this link is out of date');
    expect(await banner.innerText()).toContain('hookscope serve');
    expect(await page.locator('.status-bar .conn-unauthorized').innerText()).toContain('token rejected');
    expect(await page.getByTestId('stats').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('hookscope.token'))).toBeNull();

    // A reload no longer reuses the dead token: it says which link to open.
    await page.reload();
    expect(await page.locator('.fatal').innerText()).toContain('`hookscope serve`');

    // The new link works again.
    await page.goto(app.uiUrl);
    await page.locator('.status-bar .conn-open').waitFor();
    expect(await page.getByTestId('connection-banner').count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
  });
});
