import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/engine';
import { lockDataDir } from '../../electron/engine/store/data-dir-lock';
import { silentLogger } from '../../electron/engine/util/logger';
import { contentSecurityPolicy } from '../../electron/main/app-protocol';
import { createFileLogger } from '../../electron/main/file-logger';
import { writeExportFile } from '../../electron/main/export-file';
import { startDesktop, type DesktopRuntime } from '../../electron/main/desktop-app';
import { ipcChannels } from '../../electron/shared/contract/desktop';
import { rawExchange } from '../helpers/raw-http';
import { createFakeElectron, menuItem, preventable, type FakeElectron } from './fake-electron';

const appFrame = 'app://hookscope/index.html';

let root: string;
let dataDir: string;
let rendererDir: string;
const running: DesktopRuntime[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookscope-desktop-'));
  dataDir = join(root, 'data');
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hookscope</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the renderer');
});

afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.shutdown();
  rmSync(root, { recursive: true, force: true });
});

async function launch(
  fake: FakeElectron = createFakeElectron({ downloads: root }),
  env: Record<string, string> = { HOOKSCOPE_RECEIVER_PORT: '0' },
  defaultReceiverPort?: number,
  platform: NodeJS.Platform = 'linux',
) {
  const { ready } = startDesktop(fake.electron, {
    createEngine,
    env: { HOOKSCOPE_DATA_DIR: dataDir, ...env },
    ...(defaultReceiverPort === undefined ? {} : { defaultReceiverPort }),
    platform,
    homedir: '/nonexistent-home',
    preloadPath: '/app/dist/electron/preload.cjs',
    rendererDir,
    makeLogger: () => silentLogger,
  });
  fake.ready();
  const runtime = await ready;
  if (runtime) running.push(runtime);
  return { fake, runtime };
}

async function launched(fakeElectron?: FakeElectron) {
  const { fake, runtime } = await launch(fakeElectron);
  if (!runtime) throw new Error('desktop did not start');
  const window = fake.windows[0];
  if (!window) throw new Error('no window');
  return { fake, runtime, window };
}

describe('desktop main process (injected Electron)', () => {
  it('opens one window with the secure webPreferences, loading the app:// origin', async () => {
    const { fake, window } = await launched();
    expect(fake.windows).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(window.webContents.url).toBe(appFrame);
    expect(fake.electron.app.paths.get('userData')).toBe(join(dataDir, 'electron'));
    expect(fake.calls.slice(0, 2)).toEqual(['app.setPath(userData)', 'app.requestSingleInstanceLock']);
  });

  it('registers app:// as privileged before ready, then serves the renderer with a CSP', async () => {
    const { fake } = await launched();
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(
      fake.calls.indexOf('app.whenReady'),
    );
    expect(fake.electron.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const handler = fake.electron.protocol.handlers.get('app')!;
    const index = await handler(new Request('app://hookscope/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Hookscope</title>');
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toBe(contentSecurityPolicy);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(
      (await handler(new Request('app://hookscope/assets/app.js'))).headers.get('content-type'),
    ).toContain('javascript');
    // client-side routes fall back to the app; missing assets do not
    expect(await (await handler(new Request('app://hookscope/captures/12'))).text()).toContain('Hookscope');
    expect((await handler(new Request('app://hookscope/assets/missing.js'))).status).toBe(404);
    // nothing outside the renderer folder, and no other host
    expect((await handler(new Request('app://hookscope/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://hookscope/..%2fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://evil/index.html'))).status).toBe(404);
  });

  it('denies navigation away from the app and sends only https links to the system browser', async () => {
    const { fake, window } = await launched();
    const contents = window.webContents;
    expect(contents.navigate('https://example.com')).toBe(false);
    expect(fake.electron.shell.external).toEqual(['https://example.com/']);
    expect(contents.navigate('http://example.com')).toBe(false);
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    expect(contents.navigate('javascript:alert(1)')).toBe(false);
    expect(contents.navigate('https://user:pw@example.com/')).toBe(false);
    expect(fake.electron.shell.external).toEqual(['https://example.com/']);
    expect(contents.navigate('https://example.com', 'will-redirect')).toBe(false);
    expect(contents.navigate('app://hookscope/index.html')).toBe(true);
  });

  it('denies window.open, opening https targets externally', async () => {
    const { fake, window } = await launched();
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://hookscope/index.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'smb://share/x' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.external).toEqual(['https://example.com/docs']);
    const attach = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    window.webContents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });

  it("opens the app's own links asked for in a new window (Ctrl-, Shift-, middle-click) in the window itself", async () => {
    const { fake, window } = await launched();
    const delivery = 'app://hookscope/index.html#view=deliveries&delivery=5';
    expect(window.webContents.windowOpenHandler!({ url: delivery })).toEqual({ action: 'deny' });
    expect(window.webContents.getURL()).toBe(delivery);
    expect(fake.windows).toHaveLength(1);
    expect(fake.electron.shell.external).toEqual([]);
  });

  it('right-click offers Cut/Copy/Paste in text fields and Copy on selected text (Electron shows none itself)', async () => {
    const { fake, window } = await launched();
    const flags = { canCut: false, canCopy: true, canPaste: true, canSelectAll: true };
    window.webContents.emit('context-menu', {}, { isEditable: true, selectionText: 'ab', editFlags: flags });
    window.webContents.emit(
      'context-menu',
      {},
      { isEditable: false, selectionText: 'POST /hook', editFlags: flags },
    );
    window.webContents.emit('context-menu', {}, { isEditable: false, selectionText: '', editFlags: flags });
    expect(
      fake.electron.Menu.popups.map((menu) => menu.map((item) => [item.role ?? item.type, item.enabled])),
    ).toEqual([
      [
        ['cut', false],
        ['copy', true],
        ['paste', true],
        ['separator', undefined],
        ['selectAll', true],
      ],
      [['copy', true]],
    ]);
  });

  it('offers to reload, or close, a window whose renderer crashed instead of leaving it blank', async () => {
    const { fake, window } = await launched();
    const { dialog } = fake.electron;
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 133 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dialog.messages).toEqual([
      {
        message: 'The Hookscope window stopped working.',
        detail: 'Reason: oom (exit code 133). The receiver keeps capturing in the meantime.',
      },
    ]);
    expect(window.webContents.reloads).toBe(1);
    expect(window.destroyed).toBe(false);

    dialog.messageAnswers.push(1);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.webContents.reloads).toBe(1);
    expect(window.destroyed).toBe(true);
  });

  it('asks before a close or reload drops a draft the page holds, and goes ahead only on Discard', async () => {
    const { fake, window } = await launched();
    const { dialog } = fake.electron;
    dialog.messageAnswers.push(1, 0);
    const kept = preventable();
    window.webContents.emit('will-prevent-unload', kept);
    expect(kept.prevented).toBe(false);
    const discarded = preventable();
    window.webContents.emit('will-prevent-unload', discarded);
    expect(discarded.prevented).toBe(true);
    expect(dialog.messages.map((m) => m.message)).toEqual([
      'Discard the unsaved draft?',
      'Discard the unsaved draft?',
    ]);
  });

  it('denies permission requests and checks', async () => {
    const { fake } = await launched();
    const session = fake.electron.session.defaultSession;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'openExternal',
      'clipboard-read',
      'hid',
    ]) {
      expect(session.request(permission, appFrame)).toBe(false);
      expect(session.checkHandler!(null, permission, 'app://hookscope', {})).toBe(false);
    }
    // writing to the clipboard is the one thing the app's own page may do
    expect(session.request('clipboard-sanitized-write', appFrame)).toBe(true);
    expect(session.request('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
  });

  it('refuses IPC from foreign frames and unknown methods, and serves the app frame', async () => {
    const { fake, runtime } = await launched();
    const ipc = fake.electron.ipcMain;
    const call = (frame: string | null, method: string, input: unknown = {}) =>
      ipc.invoke(ipcChannels.rpc, frame, { op: 'call', method, input });
    for (const frame of ['https://example.com/', 'file:///app/index.html', 'app://evil/index.html', null]) {
      expect(await call(frame, 'app.info')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await call(appFrame, 'app.nope')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await call(appFrame, '__proto__')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await ipc.invoke(ipcChannels.rpc, appFrame, { op: 'eval' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const info = (await call(appFrame, 'app.info')) as {
      ok: true;
      value: { receiverUrl: string; dataDir: string; mode: string };
    };
    expect(info.ok).toBe(true);
    expect(info.value).toMatchObject({ receiverUrl: runtime.engine.receiverUrl, dataDir, mode: 'desktop' });
    expect(await ipc.invoke(ipcChannels.rpc, appFrame, { op: 'capabilities' })).toEqual({
      ok: true,
      value: ['desktop.openDataFolder', 'desktop.saveFile', 'desktop.openFile', 'desktop.revealInFolder'],
    });
    expect(await call(appFrame, 'captures.list', { limit: 100_000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('limit') },
    });
  });

  it('pushes engine events to the window on the event channel', async () => {
    const { runtime, window } = await launched();
    const created = new Promise((resolve) => runtime.engine.bus.on('capture.created', resolve));
    const response = await fetch(`${runtime.engine.receiverUrl}/pushed?x=1`, {
      method: 'POST',
      body: 'hello',
    });
    expect(response.status).toBeLessThan(500);
    await created;
    const pushed = window.webContents.sent.filter((m) => m.channel === ipcChannels.event);
    const message = pushed
      .map((m) => m.args[0] as { event: string; payload: { items: Array<{ path: string }> } })
      .find((m) => m.event === 'capture.created');
    expect(message?.payload.items[0]?.path).toBe('/pushed');
  });

  it('menu actions call the API: export HAR writes the capture, import HAR brings it back', async () => {
    const { fake, runtime } = await launched();
    const created = new Promise((resolve) => runtime.engine.bus.on('capture.created', resolve));
    await fetch(`${runtime.engine.receiverUrl}/menu-export`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    await created;

    const template = fake.electron.Menu.installed!.template;
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'Help']);

    const harFile = join(root, 'out.har');
    fake.electron.dialog.saveAnswers.push({ canceled: false, filePath: harFile });
    await runtime.menu.exportHar();
    expect(fake.electron.dialog.errors).toEqual([]);
    const har = JSON.parse(readFileSync(harFile, 'utf8')) as {
      log: { entries: Array<{ request: { url: string } }> };
    };
    expect(har.log.entries.map((e) => e.request.url).some((url) => url.endsWith('/menu-export'))).toBe(true);
    expect(fake.electron.dialog.messages.at(-1)?.message).toMatch(/^Exported 1 capture/);

    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [harFile] });
    await runtime.menu.importHar();
    expect(fake.electron.dialog.errors).toEqual([]);
    expect(fake.electron.dialog.messages.at(-1)?.message).toBe('Imported 1, skipped 0.');
    const { count } = await runtime.api.call('captures.count', {});
    expect(count).toBe(2);

    await runtime.menu.openDataFolder();
    expect(fake.electron.shell.opened).toEqual([dataDir]);
    await runtime.menu.openLogs();
    expect(fake.electron.shell.opened).toEqual([dataDir, join(dataDir, 'logs')]);
    await runtime.menu.about();
    expect(fake.electron.dialog.messages.at(-1)?.detail).toContain(runtime.engine.receiverUrl);
  });

  it('on macOS, with every window closed, the File and Help menu items still work (free-standing dialogs)', async () => {
    const { fake, runtime } = await launch(
      createFakeElectron({ downloads: root }),
      undefined,
      undefined,
      'darwin',
    );
    if (!runtime) throw new Error('desktop did not start');
    const created = new Promise((resolve) => runtime.engine.bus.on('capture.created', resolve));
    await fetch(`${runtime.engine.receiverUrl}/closed-export`, { method: 'POST', body: 'x' });
    await created;
    fake.windows[0]!.close();
    expect(runtime.window()).toBeNull();

    const harFile = join(root, 'closed.har');
    fake.electron.dialog.saveAnswers.push({ canceled: false, filePath: harFile });
    await runtime.menu.exportHar();
    expect(readFileSync(harFile, 'utf8')).toContain('/closed-export');
    expect(fake.electron.dialog.messages.at(-1)?.message).toMatch(/^Exported 1 capture/);

    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [harFile] });
    await runtime.menu.importHar();
    expect(fake.electron.dialog.messages.at(-1)?.message).toMatch(/^Imported 1/);
    await runtime.menu.about();
    expect(fake.electron.dialog.messages.at(-1)?.detail).toContain(runtime.engine.receiverUrl);
    expect(fake.electron.dialog.errors).toEqual([]);
    expect(fake.electron.dialog.shownOn).toEqual(['none', 'none', 'none', 'none', 'none']);
  });

  it('Import HAR reports a file that imports nothing as a failure naming the file and the reason', async () => {
    const { fake, runtime } = await launched();
    const refused = join(root, 'refused.har');
    writeFileSync(refused, JSON.stringify({ log: { entries: [{ request: { method: 'GET' } }, 42] } }));
    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [refused] });
    await runtime.menu.importHar();
    const empty = join(root, 'empty.har');
    writeFileSync(empty, '');
    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [empty] });
    await runtime.menu.importHar();
    expect(fake.electron.dialog.errors).toEqual([
      {
        title: 'Import failed',
        content: expect.stringMatching(
          /^Nothing was imported from refused\.har\.\n\nentries\[0\].*\nentries\[1\]: not an object/s,
        ),
      },
      { title: 'Import failed', content: 'empty.har is empty: nothing to import.' },
    ]);
    expect(fake.electron.dialog.messages).toEqual([]);
  });

  it('exports HAR to the file a capture at a time, the same bytes as one export', async () => {
    const { runtime } = await launched();
    for (const n of [1, 2, 3, 4, 5]) {
      const created = new Promise((resolve) => runtime.engine.bus.on('capture.created', resolve));
      await fetch(`${runtime.engine.receiverUrl}/paged-${n}`, {
        method: 'POST',
        headers: { authorization: 'Bearer hunter2' },
        body: `{"n":${n}}`,
      });
      await created;
    }
    const file = join(root, 'streamed.har');
    const written = await writeExportFile(runtime.engine.streamExport, file, {
      format: 'har',
      redact: true,
      limit: Number.MAX_SAFE_INTEGER,
    });
    expect(written).toEqual({ count: 5, missing: 0 });

    const whole = await runtime.api.call('captures.export', { format: 'har' });
    expect(readFileSync(file, 'utf8')).toBe(whole.content);
    expect(whole.content).not.toContain('hunter2');
    expect((JSON.parse(whole.content) as { log: { entries: unknown[] } }).log.entries).toHaveLength(5);
  });

  it('tells the user why Open Data Folder failed', async () => {
    const { fake, runtime } = await launched();
    fake.electron.shell.openPathFailure = 'No application is registered for folders';
    await runtime.menu.openDataFolder();
    expect(fake.electron.dialog.errors).toHaveLength(1);
    expect(fake.electron.dialog.errors[0]).toMatchObject({ title: 'Could not open the data folder' });
    expect(JSON.stringify(fake.electron.dialog.errors[0])).toContain(
      'No application is registered for folders',
    );
  });

  it('wires each menu item to its action (clicking calls the API methods, in order)', async () => {
    const { fake, runtime } = await launched(createFakeElectron({ downloads: root }));
    const calls: string[] = [];
    const original = runtime.dispatcher.dispatch;
    runtime.dispatcher.dispatch = (method, input, meta) => {
      calls.push(method);
      return original(method, input, meta);
    };
    const template = fake.electron.Menu.installed!.template;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const clickAndSettle = async (path: string[], expected: string[]) => {
      calls.length = 0;
      menuItem(template, path).click!();
      for (let i = 0; i < 100 && calls.length < expected.length; i++) await settle();
      await settle();
      expect(calls).toEqual(expected);
    };
    fake.electron.dialog.saveAnswers.push({ canceled: true });
    await clickAndSettle(['File', 'Export HAR…'], ['captures.export'] /* then the save dialog, canceled */);
    await clickAndSettle(['File', 'Import HAR…'], ['desktop.openFile']); // cancelled: nothing imported
    await clickAndSettle(['File', 'Open Data Folder'], ['desktop.openDataFolder']);
    await clickAndSettle(['Help', 'About Hookscope'], ['app.info']);
    expect(menuItem(template, ['Help', 'Version 9.9.9-test']).enabled).toBe(false);

    menuItem(template, ['View', 'Theme', 'Dark']).click!();
    expect(fake.electron.nativeTheme.themeSource).toBe('dark');
    expect(menuItem(fake.electron.Menu.installed!.template, ['View', 'Theme', 'Dark']).checked).toBe(true);
    const view = menuItem(template, ['View'])
      .submenu!.map((item) => item.role)
      .filter(Boolean);
    expect(view).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'reload', 'toggleDevTools']),
    );
  });

  it('remembers the theme chosen in the menu', async () => {
    const first = await launched();
    menuItem(first.fake.electron.Menu.installed!.template, ['View', 'Theme', 'Light']).click!();
    await first.runtime.shutdown();
    const second = await launched();
    expect(second.fake.electron.nativeTheme.themeSource).toBe('light');
    expect(menuItem(second.fake.electron.Menu.installed!.template, ['View', 'Theme', 'Light']).checked).toBe(
      true,
    );
  });

  it('keeps the menu and the page on one theme: a menu choice is saved in the settings, and a page choice moves the menu', async () => {
    const { fake, runtime } = await launched();
    const checked = (label: string) =>
      menuItem(fake.electron.Menu.installed!.template, ['View', 'Theme', label]).checked;
    menuItem(fake.electron.Menu.installed!.template, ['View', 'Theme', 'Dark']).click!();
    await expect.poll(async () => (await runtime.api.call('settings.get', {})).theme).toBe('dark');
    // The top bar's toggle (or the API) saves the settings: the window's colours and the check mark follow.
    await runtime.api.call('settings.update', { theme: 'light' });
    expect(fake.electron.nativeTheme.themeSource).toBe('light');
    expect(checked('Light')).toBe(true);
    expect(checked('Dark')).toBe(false);
    await runtime.shutdown();
    const second = await launched();
    expect(second.fake.electron.nativeTheme.themeSource).toBe('light');
  });

  it('on launch, the menu shows the light or dark theme the page keeps in the settings', async () => {
    const first = await launched();
    menuItem(first.fake.electron.Menu.installed!.template, ['View', 'Theme', 'Dark']).click!();
    await first.runtime.shutdown();
    // Picked in browser mode over the same data folder, which the desktop menu never heard of.
    const engine = await createEngine({ dataDir, mode: 'test', log: silentLogger });
    engine.ctx.settings.update({ theme: 'light' });
    await engine.close();
    const second = await launched();
    await expect.poll(() => second.fake.electron.nativeTheme.themeSource).toBe('light');
    expect(menuItem(second.fake.electron.Menu.installed!.template, ['View', 'Theme', 'Light']).checked).toBe(
      true,
    );
  });

  it('hides reload and devtools in packaged builds', async () => {
    const { fake } = await launch(createFakeElectron({ packaged: true }));
    const view = menuItem(fake.electron.Menu.installed!.template, ['View']).submenu!.map((item) => item.role);
    expect(view).not.toContain('reload');
    expect(view).not.toContain('toggleDevTools');
  });

  it('notifies about new captures only while unfocused and only when the setting is on', async () => {
    const { fake, runtime, window } = await launched();
    const capture = async (path: string) => {
      const created = new Promise((resolve) => runtime.engine.bus.on('capture.created', resolve));
      await fetch(`${runtime.engine.receiverUrl}${path}`, { method: 'POST', body: 'x' });
      await created;
      await runtime.api.call('settings.get', {}); // the notifier reads settings once per batch: let it finish
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    window.focused = true;
    await capture('/focused');
    expect(fake.notifications).toHaveLength(0);

    window.focused = false;
    await capture('/unfocused');
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]!.options).toMatchObject({ title: 'New capture', body: 'POST /unfocused' });
    expect(fake.notifications[0]!.shown).toBe(true);

    await runtime.api.call('settings.update', { notifyOnCapture: false });
    await capture('/muted');
    expect(fake.notifications).toHaveLength(1);
  });

  it('on macOS, with every window closed, still notifies about captures and the click opens a window', async () => {
    const { fake, runtime } = await launch(undefined, undefined, undefined, 'darwin');
    if (!runtime) throw new Error('desktop did not start');
    fake.windows[0]!.close(); // the app (and its receiver) keeps running, as Mac apps do
    expect(runtime.window()).toBeNull();
    const created = new Promise((resolve) => runtime.engine.bus.on('capture.created', resolve));
    await fetch(`${runtime.engine.receiverUrl}/while-closed`, { method: 'POST', body: 'x' });
    await created;
    await runtime.api.call('settings.get', {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]!.options).toMatchObject({ body: 'POST /while-closed' });
    fake.notifications[0]!.emit('click');
    expect(fake.windows).toHaveLength(2);
    expect(runtime.window()).toBe(fake.windows[1]);
    expect(fake.windows[1]!.focused).toBe(true);
  });

  it('accepts a relative HOOKSCOPE_DATA_DIR, resolving it against the working directory', async () => {
    const { runtime } = await launch(undefined, {
      HOOKSCOPE_RECEIVER_PORT: '0',
      HOOKSCOPE_DATA_DIR: relative(process.cwd(), dataDir),
    });
    expect(runtime?.dataDir).toBe(dataDir);
  });

  it('escapes markup from the request path in Linux notifications', async () => {
    const { fake, runtime, window } = await launched();
    window.focused = false;
    const created = new Promise((resolve) => runtime.engine.bus.on('capture.created', resolve));
    const port = Number(new URL(runtime.engine.receiverUrl).port);
    // Raw bytes: fetch would percent-encode < and > in the path.
    await rawExchange(
      port,
      'POST /<b>URGENT</b><a>a&b</a> HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
    );
    await created;
    await runtime.api.call('settings.get', {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]!.options).toMatchObject({
      title: 'New capture',
      body: 'POST /&lt;b&gt;URGENT&lt;/b&gt;&lt;a&gt;a&amp;b&lt;/a&gt;',
    });
  });

  it("on Windows, runs under the installer's AppUserModelID so notifications reach the Action Center", async () => {
    const packaged = await launch(createFakeElectron({ packaged: true }), undefined, undefined, 'win32');
    const config = createRequire(import.meta.url)('../../build/electron-builder.config.cjs') as {
      appId: string;
    };
    expect(packaged.fake.electron.app.appUserModelId).toBe(config.appId);
    await packaged.runtime?.shutdown();
    const linux = await launch(createFakeElectron({ packaged: true }));
    expect(linux.fake.electron.app.appUserModelId).toBeNull();
  });

  it('remembers window bounds across launches', async () => {
    const first = await launched();
    first.window.bounds = { x: 40, y: 50, width: 1111, height: 777 };
    first.window.maximized = true;
    first.window.close();
    await first.runtime.shutdown();
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
      x: 40,
      y: 50,
      width: 1111,
      height: 777,
      maximized: true,
    });
    const second = await launched();
    expect(second.window.options).toMatchObject({ x: 40, y: 50, width: 1111, height: 777 });
    second.window.emit('ready-to-show');
    expect(second.window.maximized).toBe(true);
  });

  it('quits without starting an engine when another instance holds the lock', async () => {
    const fake = createFakeElectron({ lock: false });
    const { runtime } = await launch(fake);
    expect(runtime).toBeNull();
    expect(fake.electron.app.quitCount).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.calls).not.toContain('app.whenReady');
    // the lock is taken inside the data folder's userData, so it is per data folder
    expect(fake.electron.app.paths.get('userData')).toBe(join(dataDir, 'electron'));
  });

  it('focuses the existing window on a second launch', async () => {
    const { fake, window } = await launched();
    window.focused = false;
    fake.electron.app.emit('second-instance');
    expect(window.focused).toBe(true);
    expect(fake.windows).toHaveLength(1);
  });

  it('shuts down cleanly: quitting waits for the engine to close the store', async () => {
    const { fake, runtime, window } = await launched();
    const db = (runtime.engine as unknown as { ctx: { db: { open: boolean } } }).ctx.db;
    window.close(); // last window closed → app.quit() on Linux
    expect(fake.electron.app.quitCount).toBe(1);
    expect(db.open).toBe(true); // will-quit was held back while the engine closes
    await runtime.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(db.open).toBe(false);
    expect(fake.electron.app.quitCount).toBe(2);
    expect(fake.electron.ipcMain.handlers.size).toBe(0);
  });

  it('moves off a busy default receiver port, but never off an explicitly requested one', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const busy = (blocker.address() as AddressInfo).port;
    try {
      const fallback = await launch(createFakeElectron(), {}, busy);
      expect(fallback.runtime?.engine.receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(fallback.runtime?.engine.receiverUrl).not.toBe(`http://127.0.0.1:${busy}`);
      await fallback.runtime?.shutdown();

      const explicit = await launch(createFakeElectron(), { HOOKSCOPE_RECEIVER_PORT: String(busy) });
      expect(explicit.runtime).toBeNull();
      expect(explicit.fake.electron.dialog.errors[0]?.title).toBe('Hookscope could not start');
      expect(explicit.fake.electron.app.exitCode).toBe(1);

      const invalid = await launch(createFakeElectron(), { HOOKSCOPE_RECEIVER_PORT: 'eighty' });
      expect(invalid.fake.electron.dialog.errors[0]?.content).toContain(
        'HOOKSCOPE_RECEIVER_PORT must be a port number',
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses a HOOKSCOPE_RECEIVER_PORT that is not plain digits, as --receiver-port does (no hex, exponent or decimal)', async () => {
    for (const value of ['0x0', '0e0', '0.0']) {
      const fake = createFakeElectron();
      const { runtime } = await launch(fake, { HOOKSCOPE_RECEIVER_PORT: value });
      expect(runtime).toBeNull();
      expect(fake.electron.dialog.errors[0]?.content).toContain(
        `HOOKSCOPE_RECEIVER_PORT must be a port number (0-65535), got "${value}"`,
      );
    }
  });

  it('a data folder another Hookscope holds: the dialog names HOOKSCOPE_DATA_DIR, not the CLI flag --data-dir', async () => {
    const release = lockDataDir(dataDir);
    try {
      const fake = createFakeElectron();
      const { runtime } = await launch(fake);
      expect(runtime).toBeNull();
      const content = fake.electron.dialog.errors[0]?.content ?? '';
      expect(content).toContain(`data folder ${dataDir} is in use by another Hookscope (pid ${process.pid})`);
      expect(content).toContain('set HOOKSCOPE_DATA_DIR to another folder');
      expect(content).not.toContain('--data-dir');
    } finally {
      release();
    }
  });

  it('tells the user and exits when the engine cannot start', async () => {
    writeFileSync(join(root, 'not-a-dir'), 'x');
    dataDir = join(root, 'not-a-dir', 'data');
    const fake = createFakeElectron();
    const { runtime } = await launch(fake);
    expect(runtime).toBeNull();
    expect(fake.electron.dialog.errors[0]?.title).toBe('Hookscope could not start');
    expect(fake.electron.dialog.errors[0]?.content).toContain(dataDir);
    expect(fake.electron.app.exitCode).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });

  it("a data folder that cannot be made is reported, not taken for another instance holding Electron's lock", async () => {
    writeFileSync(join(root, 'a-file'), 'x');
    dataDir = join(root, 'a-file', 'Hookscope data ü');
    const fake = createFakeElectron();
    const { runtime } = await launch(fake);
    expect(runtime).toBeNull();
    expect(fake.calls).not.toContain('app.requestSingleInstanceLock');
    expect(fake.electron.app.quitCount).toBe(0);
    expect(fake.electron.dialog.errors).toEqual([
      { title: 'Hookscope could not start', content: expect.stringContaining('ENOTDIR') },
    ]);
    expect(fake.electron.dialog.errors[0]?.content).toContain(`Data folder: ${dataDir}`);
    expect(fake.electron.app.exitCode).toBe(1);
  });

  it('with the real file logger too, whose logs folder cannot be made in such a data folder', async () => {
    writeFileSync(join(root, 'not-a-dir'), 'x');
    dataDir = join(root, 'not-a-dir', 'data');
    const fake = createFakeElectron();
    const { ready } = startDesktop(fake.electron, {
      createEngine,
      env: { HOOKSCOPE_DATA_DIR: dataDir, HOOKSCOPE_RECEIVER_PORT: '0' },
      platform: 'linux',
      homedir: '/nonexistent-home',
      preloadPath: '/app/dist/electron/preload.cjs',
      rendererDir,
      makeLogger: (logsDir) => createFileLogger(logsDir),
    });
    fake.ready();
    expect(await ready).toBeNull();
    expect(fake.electron.dialog.errors[0]?.title).toBe('Hookscope could not start');
    expect(fake.electron.dialog.errors[0]?.content).toContain(dataDir);
    expect(fake.electron.app.exitCode).toBe(1);
  });
});
