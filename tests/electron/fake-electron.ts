// A recording stand-in for the slice of Electron the shell uses (never import the real `electron` in tests).
import { accessSync, constants, mkdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { IpcInvokeEventLike } from '../../electron/engine/transport/ipc-transport';
import type {
  BrowserWindowOptions,
  ElectronLike,
  MenuItemOptions,
  PermissionRequestDetails,
  PreventableEvent,
  Rectangle,
} from '../../electron/main/electron-like';

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    const wrapped = ((...args: never[]) => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== wrapped),
      );
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
  count(event: string) {
    return this.listeners.get(event)?.length ?? 0;
  }
}

function lockableFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function preventable() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

export class FakeWebContents extends Emitter {
  url = '';
  destroyed = false;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  reloads = 0;
  reload() {
    this.reloads += 1;
  }
  async loadURL(url: string) {
    this.url = url;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args: structuredClone(args) });
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.windowOpenHandler = handler;
  }
  /** What Chromium would do before navigating: returns whether the app let it happen. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate') {
    const e = preventable();
    this.emit(event, e, url);
    return !e.prevented;
  }
}

export function createFakeElectron(options: { lock?: boolean; packaged?: boolean; downloads?: string } = {}) {
  const calls: string[] = [];
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  class FakeApp extends Emitter {
    readonly isPackaged = options.packaged ?? false;
    quitCount = 0;
    exitCode: number | null = null;
    readonly paths = new Map<string, string>();
    requestSingleInstanceLock() {
      calls.push('app.requestSingleInstanceLock');
      // As Electron's: the lock is a file it makes in userData, and a folder it cannot make or write there (a file in
      // the way, no permission) answers false, exactly as another instance holding the lock does.
      const userData = this.paths.get('userData');
      if (userData && !lockableFolder(userData)) return false;
      return options.lock ?? true;
    }
    whenReady() {
      calls.push('app.whenReady');
      return readyPromise;
    }
    quit() {
      this.quitCount += 1;
      calls.push('app.quit');
      const event: PreventableEvent & { prevented: boolean } = preventable();
      this.emit('will-quit', event);
    }
    relaunches = 0;
    relaunch() {
      this.relaunches += 1;
      calls.push('app.relaunch');
    }
    exit(code = 0) {
      this.exitCode = code;
      calls.push(`app.exit(${code})`);
    }
    getVersion() {
      return '9.9.9-test';
    }
    getName() {
      return 'Hookscope';
    }
    getPath(name: string) {
      return name === 'downloads' ? (options.downloads ?? '/tmp') : (this.paths.get(name) ?? `/fake/${name}`);
    }
    appUserModelId: string | null = null;
    setAppUserModelId(id: string) {
      this.appUserModelId = id;
    }
    setPath(name: string, value: string) {
      // As Electron's does.
      if (!isAbsolute(value)) throw new Error(`Path must be absolute: ${value}`);
      calls.push(`app.setPath(${name})`);
      this.paths.set(name, value);
    }
  }
  const app = new FakeApp();

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    focused = true;
    destroyed = false;
    maximized = false;
    shown = false;
    bounds: Rectangle;
    constructor(readonly options: BrowserWindowOptions) {
      super();
      this.bounds = {
        x: options.x ?? 100,
        y: options.y ?? 100,
        width: options.width,
        height: options.height,
      };
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    async loadURL(url: string) {
      this.webContents.url = url;
    }
    show() {
      this.shown = true;
    }
    focus() {
      this.focused = true;
    }
    restore() {}
    /** As Electron's does, maximizing a hidden window also shows it. */
    maximize() {
      this.maximized = true;
      this.shown = true;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return this.maximized;
    }
    isFocused() {
      return this.focused;
    }
    isDestroyed() {
      return this.destroyed;
    }
    getNormalBounds() {
      return this.bounds;
    }
    /** What closing the window does in Electron: `close`, then `closed`, then the app may quit. */
    close() {
      this.emit('close', preventable());
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
      if (windows.every((w) => w.destroyed)) app.emit('window-all-closed');
    }
  }

  const ipcHandlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>) {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcHandlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      ipcHandlers.delete(channel);
    },
    /** Simulates ipcRenderer.invoke from a frame at `frameUrl` (structured clone both ways, like Electron). */
    async invoke(channel: string, frameUrl: string | null, ...args: unknown[]) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const result = await handler(
        { senderFrame: frameUrl === null ? null : { url: frameUrl } },
        ...structuredClone(args),
      );
      return structuredClone(result);
    },
    handlers: ipcHandlers,
  };

  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: unknown[]) {
      calls.push('protocol.registerSchemesAsPrivileged');
      this.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      calls.push('protocol.handle');
      this.handlers.set(scheme, handler);
    },
  };

  const defaultSession = {
    requestHandler: null as
      | null
      | ((
          wc: unknown,
          permission: string,
          cb: (granted: boolean) => void,
          details: PermissionRequestDetails,
        ) => void),
    checkHandler: null as
      null | ((wc: unknown, permission: string, origin: string, details: unknown) => boolean),
    setPermissionRequestHandler(handler: NonNullable<typeof this.requestHandler>) {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: NonNullable<typeof this.checkHandler>) {
      this.checkHandler = handler;
    },
    /** Asks like Chromium does and returns the answer. */
    request(permission: string, requestingUrl: string) {
      let granted: boolean | null = null;
      this.requestHandler?.(null, permission, (g) => (granted = g), { requestingUrl });
      return granted;
    },
  };

  const shell = {
    external: [] as string[],
    opened: [] as string[],
    revealed: [] as string[],
    /** What openPath answers: '' when it opened, else the reason it could not. */
    openPathFailure: '',
    async openExternal(url: string) {
      this.external.push(url);
    },
    async openPath(path: string) {
      this.opened.push(path);
      return this.openPathFailure;
    },
    showItemInFolder(path: string) {
      this.revealed.push(path);
    },
  };

  const dialog = {
    saveAnswers: [] as Array<{ canceled: boolean; filePath?: string }>,
    openAnswers: [] as Array<{ canceled: boolean; filePaths: string[] }>,
    messages: [] as Array<{ message: string; detail?: string }>,
    /** What showMessageBox answers next (the index of the button clicked); 0 when empty. */
    messageAnswers: [] as number[],
    errors: [] as Array<{ title: string; content: string }>,
    saveOptions: [] as unknown[],
    /** Each dialog shown: a sheet on a window, or free-standing (called without one). */
    shownOn: [] as Array<'window' | 'none'>,
    async showSaveDialog(windowOrOpts: object, opts?: object) {
      this.shownOn.push(opts ? 'window' : 'none');
      this.saveOptions.push(opts ?? windowOrOpts);
      return this.saveAnswers.shift() ?? { canceled: true };
    },
    async showOpenDialog(windowOrOpts: object, opts?: object) {
      this.shownOn.push(opts ? 'window' : 'none');
      return this.openAnswers.shift() ?? { canceled: true, filePaths: [] };
    },
    async showMessageBox(windowOrOpts: object, maybeOpts?: { message: string; detail?: string }) {
      this.shownOn.push(maybeOpts ? 'window' : 'none');
      const opts = maybeOpts ?? (windowOrOpts as { message: string; detail?: string });
      this.messages.push({ message: opts.message, ...(opts.detail ? { detail: opts.detail } : {}) });
      return { response: this.messageAnswers.shift() ?? 0 };
    },
    showMessageBoxSync(_window: object, opts: { message: string; detail?: string }) {
      this.messages.push({ message: opts.message, ...(opts.detail ? { detail: opts.detail } : {}) });
      return this.messageAnswers.shift() ?? 0;
    },
    showErrorBox(title: string, content: string) {
      this.errors.push({ title, content });
    },
  };

  const Menu = {
    installed: null as null | { template: MenuItemOptions[] },
    /** Templates of the menus popped up (context menus), in order. */
    popups: [] as MenuItemOptions[][],
    buildFromTemplate(template: MenuItemOptions[]) {
      return { template, popup: () => void Menu.popups.push(template) };
    },
    setApplicationMenu(menu: object | null) {
      this.installed = menu as { template: MenuItemOptions[] } | null;
    },
  };

  const notifications: FakeNotification[] = [];
  class FakeNotification extends Emitter {
    static supported = true;
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
      notifications.push(this);
    }
    static isSupported() {
      return FakeNotification.supported;
    }
    show() {
      this.shown = true;
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    shell,
    dialog,
    Menu,
    Notification: FakeNotification,
    nativeTheme: { themeSource: 'system' as 'system' | 'light' | 'dark' },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  } satisfies ElectronLike;

  return { electron, calls, windows, notifications, ready: () => resolveReady() };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Finds a menu item by its path of labels, e.g. ['File', 'Export HAR…']. */
export function menuItem(template: MenuItemOptions[], path: string[]): MenuItemOptions {
  let items = template;
  let found: MenuItemOptions | undefined;
  for (const label of path) {
    found = items.find((item) => item.label === label);
    if (!found) throw new Error(`menu item ${path.join(' > ')} not found at "${label}"`);
    items = found.submenu ?? [];
  }
  return found!;
}
