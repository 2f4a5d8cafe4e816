import { join, resolve } from 'node:path';
import { createDispatcher, type Dispatcher } from '../engine/api/dispatcher';
import type { EventBus } from '../engine/events/event-bus';
import { createIpcTransport, originOf, type IpcTransport } from '../engine/transport/ipc-transport';
import { DataDirInUseError } from '../engine/store/data-dir-lock';
import { defaultDataDir } from '../engine/util/data-dir';
import type { Logger } from '../engine/util/logger';
import { createApiClient, type ApiClient } from '../shared/contract/client';
import { appOrigin, desktopOnlyMethodNames } from '../shared/contract/desktop';
import type { Handlers } from '../shared/contract/index';
import { startCaptureNotifier } from './capture-notifier';
import { createDesktopHandlers } from './desktop-handlers';
import type { BrowserWindowLike, ElectronLike } from './electron-like';
import { appIndexUrl, registerAppScheme, serveAppScheme } from './app-protocol';
import { loadDesktopPrefs, saveDesktopPrefs } from './desktop-prefs';
import { denyPermissions } from './guards';
import { folderProblem } from './folder-problem';
import { createMainWindow } from './main-window';
import type { StreamExport } from '../engine/captures/export-stream';
import { buildMenuTemplate, createMenuActions, type MenuActions, type ThemeSource } from './menu';

/** What the shell needs from the engine (electron/engine/engine.ts provides it). */
export interface EngineLike {
  handlers: Handlers;
  bus: EventBus;
  receiverUrl: string;
  streamExport: StreamExport;
  close(): Promise<void>;
}

export type CreateEngine = (options: {
  dataDir: string;
  receiverPort?: number;
  mode: 'desktop';
  version?: string;
  log?: Logger;
}) => Promise<EngineLike>;

/** electron-builder's appId (build/electron-builder.config.cjs), which the Windows installer's shortcuts carry. */
export const appId = 'dev.hookscope.app';

/** Same default as `hookscope serve`, so webhook URLs stay put between modes. */
export const defaultReceiverPort = 8787;

export interface DesktopDeps {
  createEngine: CreateEngine;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
  /** dist/electron/preload.cjs */
  preloadPath: string;
  /** dist/renderer */
  rendererDir: string;
  makeLogger(logsDir: string): Logger;
  /** Overrides the 8787 default (tests). */
  defaultReceiverPort?: number;
}

/** Everything running once the app is ready; tests drive the fakes through it. */
export interface DesktopRuntime {
  dataDir: string;
  engine: EngineLike;
  dispatcher: Dispatcher;
  ipc: IpcTransport;
  api: ApiClient;
  menu: MenuActions;
  window(): BrowserWindowLike | null;
  shutdown(): Promise<void>;
}

/**
 * The whole main process, over an injected Electron. Returns null from `ready` when another instance owns
 * the lock (that instance is focused instead) or when the engine cannot start (the user is told why).
 */
export function startDesktop(
  electron: ElectronLike,
  deps: DesktopDeps,
): { ready: Promise<DesktopRuntime | null> } {
  const { app } = electron;
  // Electron's setPath takes absolute paths only: a relative HOOKSCOPE_DATA_DIR is relative to the working directory.
  const dataDir = resolve(defaultDataDir(deps.env, deps.platform, deps.homedir));
  // Chromium's own files (cache, local storage) stay out of the folder that holds the database. Set before
  // the lock, which lives in userData: one instance per data folder, so two never share a database.
  const userData = join(dataDir, 'electron');
  app.setPath('userData', userData);
  // Electron's lock is a file it makes in userData: where that folder cannot be made or written, the lock is refused
  // as if another instance held it, and the app would quit without a word.
  const unusable = folderProblem(userData);
  if (unusable) return { ready: app.whenReady().then(() => cannotStart(unusable)) };
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(null) };
  }
  // Listened for from the lock on: a second launch during a long startup (a migration) quits at once, and its wish to
  // see the window must not be lost. Until the window can be opened it is remembered.
  let bringWindowForward: (() => void) | null = null;
  let secondLaunchWaiting = false;
  app.on('second-instance', () => {
    if (bringWindowForward) bringWindowForward();
    else secondLaunchWaiting = true;
  });
  // Windows shows notifications (and groups taskbar buttons) under the AppUserModelID: it must match the
  // installed shortcut's, or captures are announced as "electron.app.Hookscope" or not at all.
  if (deps.platform === 'win32') app.setAppUserModelId(app.isPackaged ? appId : process.execPath);
  registerAppScheme(electron.protocol);
  const log = deps.makeLogger(join(dataDir, 'logs'));
  const devUrl = app.isPackaged ? undefined : deps.env.HOOKSCOPE_DEV_URL;
  const allowedOrigins = [appOrigin, ...(devUrl && originOf(devUrl) ? [originOf(devUrl) as string] : [])];

  return { ready: app.whenReady().then(() => launch()) };

  /** After ready: on Linux an error box shown earlier only goes to stderr. */
  function cannotStart(reason: string): null {
    electron.dialog.showErrorBox('Hookscope could not start', `${reason}\n\nData folder: ${dataDir}`);
    app.exit(1);
    return null;
  }

  async function launch(): Promise<DesktopRuntime | null> {
    serveAppScheme(electron.protocol, deps.rendererDir);
    denyPermissions(electron.session.defaultSession, allowedOrigins);

    const requested = deps.env.HOOKSCOPE_RECEIVER_PORT?.trim();
    const port = requested ? Number(requested) : (deps.defaultReceiverPort ?? defaultReceiverPort);
    const start = (receiverPort: number) =>
      deps.createEngine({ dataDir, mode: 'desktop', version: app.getVersion(), log, receiverPort });
    let engine: EngineLike;
    try {
      // Digits only, as --receiver-port: Number() also reads "0x1f90" as 8080 and "1e3" as 1000.
      if ((requested && !/^\d+$/.test(requested)) || port > 65_535) {
        throw new Error(`HOOKSCOPE_RECEIVER_PORT must be a port number (0-65535), got "${requested}".`);
      }
      try {
        engine = await start(port);
      } catch (error) {
        // The default port may be taken (e.g. by browser mode); an explicitly requested one is never swapped.
        if (requested || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        log.warn('receiver port in use, using a free port instead', { port });
        engine = await start(0);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error('engine failed to start', { error: message });
      // The engine's words name the CLI's flag; the app takes its folder from the environment.
      const shown =
        error instanceof DataDirInUseError
          ? message.replace('use another --data-dir', 'set HOOKSCOPE_DATA_DIR to another folder')
          : message;
      return cannotStart(shown);
    }

    let window: BrowserWindowLike | null = null;
    const getWindow = () => (window && !window.isDestroyed() ? window : null);
    const handlers: Handlers = {
      ...engine.handlers,
      ...createDesktopHandlers({
        dialog: electron.dialog,
        shell: electron.shell,
        dataDir,
        downloadsDir: app.getPath('downloads'),
        getWindow,
      }),
    };
    const dispatcher = createDispatcher(handlers, {
      onInternalError: (method, error) => log.error('API call failed', { method, error: String(error) }),
    });
    const ipc = createIpcTransport({
      ipcMain: electron.ipcMain,
      dispatcher,
      bus: engine.bus,
      capabilities: [...desktopOnlyMethodNames],
      allowedOrigins,
      log,
    });
    const api = createApiClient({
      invoke: (method, input) => dispatcher.dispatch(method, input, { transport: 'in-process' }),
      subscribe: (listener) => engine.bus.onAny(listener),
      capabilities: () => [...desktopOnlyMethodNames],
    });

    const prefsFile = join(dataDir, 'desktop-prefs.json');
    electron.nativeTheme.themeSource = loadDesktopPrefs(prefsFile).theme;
    const menu = createMenuActions({
      api,
      streamExport: engine.streamExport,
      dialog: electron.dialog,
      shell: electron.shell,
      nativeTheme: electron.nativeTheme,
      getWindow,
      logsDir: join(dataDir, 'logs'),
      downloadsDir: app.getPath('downloads'),
      dev: !app.isPackaged,
      platform: deps.platform,
      onThemeChange: (theme) => {
        rememberTheme(theme);
        // The page shows the theme in the settings: a menu choice it did not hear of left it as it was.
        api
          .call('settings.update', { theme })
          .catch((error: unknown) => log.warn('could not save the theme', { error: String(error) }));
      },
    });
    const rememberTheme = (theme: ThemeSource) => {
      try {
        saveDesktopPrefs(prefsFile, { theme });
      } catch (error) {
        log.warn('could not save the theme', { error: String(error) });
      }
      installMenu();
    };
    const installMenu = () =>
      electron.Menu.setApplicationMenu(
        electron.Menu.buildFromTemplate(
          buildMenuTemplate(menu, {
            dev: !app.isPackaged,
            platform: deps.platform,
            nativeTheme: electron.nativeTheme,
            version: app.getVersion(),
          }),
        ),
      );
    installMenu();

    /** A theme chosen in the page (or over the API) moves the menu's check mark and the window's colours with it. */
    const followTheme = (theme: ThemeSource) => {
      if (electron.nativeTheme.themeSource === theme) return;
      electron.nativeTheme.themeSource = theme;
      rememberTheme(theme);
    };
    const stopFollowingTheme = engine.bus.on('settings.changed', (settings) => followTheme(settings.theme));
    // A page that picked light or dark shows it whatever the menu says: the menu says so too.
    void api.call('settings.get', {}).then(
      (settings) => {
        if (settings.theme !== 'system') followTheme(settings.theme);
      },
      (error: unknown) => log.warn('could not read the theme', { error: String(error) }),
    );

    const openWindow = () => {
      window = createMainWindow({
        electron,
        preload: deps.preloadPath,
        url: devUrl ?? appIndexUrl,
        allowedOrigins,
        stateFile: join(dataDir, 'window-state.json'),
        log,
      });
      const stopEvents = ipc.addTarget(window.webContents);
      window.on('closed', () => {
        stopEvents();
        window = null;
      });
      return window;
    };
    openWindow();
    const stopNotifier = startCaptureNotifier({
      bus: engine.bus,
      api,
      Notification: electron.Notification,
      getWindow,
      showWindow: () => getWindow() ?? openWindow(),
      platform: deps.platform,
      log,
    });

    bringWindowForward = () => {
      const current = getWindow() ?? openWindow();
      if (current.isMinimized()) current.restore();
      current.show();
      current.focus();
    };
    if (secondLaunchWaiting) bringWindowForward();
    app.on('activate', () => {
      if (!getWindow()) openWindow();
    });
    // On macOS the app (and its receiver) keeps running with no window, as Mac apps do.
    app.on('window-all-closed', () => {
      if (deps.platform !== 'darwin') app.quit();
    });

    let closing: Promise<void> | null = null;
    const shutdown = () =>
      (closing ??= (async () => {
        stopNotifier();
        stopFollowingTheme();
        ipc.close();
        await engine.close();
        log.info('engine closed');
      })());
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      // A launch while the engine closes (a few seconds with deliveries in flight) is refused the lock and quits: a
      // window opened here would talk to a closing engine and go with it. Start again once this instance has exited.
      let relaunching = false;
      bringWindowForward = () => {
        if (!relaunching) app.relaunch();
        relaunching = true;
      };
      void shutdown()
        .catch((error: unknown) => log.error('clean shutdown failed', { error: String(error) }))
        .finally(() => {
          closed = true;
          app.quit();
        });
    });

    log.info('desktop ready', { receiverUrl: engine.receiverUrl });
    return { dataDir, engine, dispatcher, ipc, api, menu, window: getWindow, shutdown };
  }
}
