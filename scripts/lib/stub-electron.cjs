// A stand-in for the `electron` module, used only by scripts/verify-packaging.mjs to boot the *packaged*
// main bundle under plain Node (no Chromium). Loaded with `node --require stub-electron.cjs main.cjs`: it
// answers `require('electron')`, then, once the app is "ready", fetches the renderer over app:// and calls the
// API over the IPC handler as the window would, prints one JSON report line and quits through the app's own
// clean-shutdown path.
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const report = { events: [] };
const note = (event) => report.events.push(event);
let rpc = null;
let appHandler = null;

class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = true;
    this.quitting = 0;
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return new Promise((resolve) => setImmediate(resolve));
  }
  quit() {
    this.quitting += 1;
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('will-quit', event);
    if (!event.defaultPrevented) {
      note('quit');
      process.stdout.write(JSON.stringify(report) + '\n');
      process.exit(0);
    }
  }
  exit(code) {
    note(`exit ${code}`);
    process.stdout.write(JSON.stringify(report) + '\n');
    process.exit(code);
  }
  getVersion() {
    return require(require('node:path').join(__appRoot, 'package.json')).version;
  }
  getName() {
    return 'Hookscope';
  }
  getPath() {
    return require('node:os').tmpdir();
  }
  setPath(name, value) {
    report.userData = value;
  }
}
const app = new App();
const __appRoot = process.env.HOOKSCOPE_APP_ROOT;

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.url = '';
  }
  send() {}
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler() {}
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    report.webPreferences = options.webPreferences;
    this.webContents = new WebContents();
  }
  async loadURL(url) {
    this.webContents.url = url;
    report.loadedUrl = url;
    setImmediate(() => void exercise());
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isFocused() {
    return true;
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 820 };
  }
}

async function exercise() {
  try {
    const index = await appHandler(new Request('app://hookscope/index.html'));
    report.index = {
      status: index.status,
      csp: index.headers.get('content-security-policy'),
      html: (await index.text()).slice(0, 200),
    };
    const frame = { senderFrame: { url: 'app://hookscope/index.html' } };
    report.appInfo = await rpc(frame, { op: 'call', method: 'app.info', input: {} });
    report.foreign = await rpc(
      { senderFrame: { url: 'https://example.com/' } },
      { op: 'call', method: 'app.info', input: {} },
    );
    report.capabilities = await rpc(frame, { op: 'capabilities' });
    if (report.appInfo.ok) {
      const response = await fetch(`${report.appInfo.value.receiverUrl}/packaged-probe`, {
        method: 'POST',
        body: 'probe',
      });
      report.receiverStatus = response.status;
      for (let i = 0; i < 50; i++) {
        const list = await rpc(frame, { op: 'call', method: 'captures.list', input: { limit: 5 } });
        report.captured = list.ok ? list.value.items.map((item) => item.path) : list.error;
        if (Array.isArray(report.captured) && report.captured.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } catch (error) {
    report.error = String(error && error.stack ? error.stack : error);
  }
  app.quit();
}

const electron = {
  app,
  BrowserWindow,
  ipcMain: {
    handle(channel, listener) {
      if (channel === 'hookscope:rpc') rpc = listener;
    },
    removeHandler() {
      note('ipc handler removed');
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes) {
      report.schemes = schemes;
    },
    handle(scheme, handler) {
      if (scheme === 'app') appHandler = handler;
    },
  },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
  shell: { openExternal: async () => {}, openPath: async () => '', showItemInFolder() {} },
  dialog: {
    showSaveDialog: async () => ({ canceled: true }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async () => ({ response: 0 }),
    showErrorBox(title, content) {
      report.errorBox = `${title}: ${content}`;
    },
  },
  Menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu() {} },
  Notification: class {
    static isSupported() {
      return false;
    }
  },
  nativeTheme: { themeSource: 'system' },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return electron;
  return originalLoad.call(this, request, parent, isMain);
};
