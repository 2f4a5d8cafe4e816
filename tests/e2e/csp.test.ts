import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send as rawSend } from '../helpers/raw-http';
import { eventually, monacoText, openUi, selectCapture, type UiSession } from './support/ui';

// Browser mode's CSP: the page reaches its own server (HTTP and the event WebSocket) and nothing else on the machine.
describe('browser-mode CSP', () => {
  let s: UiSession;
  beforeAll(async () => {
    s = await openUi();
  });
  afterAll(async () => s?.close());

  it('allows the event WebSocket on the UI port only, and no blob: workers or images', async () => {
    const uiPort = new URL(s.app.uiUrl).port;
    const csp = (await fetch(s.app.uiUrl)).headers.get('content-security-policy')!;
    const connect = csp.split('; ').find((d) => d.startsWith('connect-src'));
    expect(connect).toBe(`connect-src 'self' ws://127.0.0.1:${uiPort} ws://localhost:${uiPort}`);
    expect(csp).not.toContain('blob:');
    // The page is connected (the status bar says so once the event socket is open).
    await s.page.locator('.status-bar .conn-open').waitFor();
  });

  it('Monaco shows a body (its worker from self) with no CSP violation', async () => {
    const body = '{"csp":"monaco-visible"}';
    await rawSend(`${s.app.receiverUrl}/csp-monaco`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body,
    });
    await selectCapture(s.page, '/csp-monaco');
    await s.page.locator('.detail-pane .tab[data-tab="body"]').click();
    await s.page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () => expect((await monacoText(s.page, '.body-raw')).trim()).toBe(body));
    expect(s.problems.cspViolations).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
  });

  it('blocks a WebSocket to another local port (the receiver)', async () => {
    const receiverPort = new URL(s.app.receiverUrl).port;
    await s.page.evaluate((port) => {
      new WebSocket(`ws://127.0.0.1:${port}/`);
    }, receiverPort);
    await eventually(() =>
      expect(s.problems.cspViolations).toEqual([
        `[csp-violation] connect-src ws://127.0.0.1:${receiverPort}/`,
      ]),
    );
  });
});
