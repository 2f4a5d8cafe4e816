import type { Logger } from '../engine/util/logger';
import type { BrowserWindowLike, ElectronLike, WebPreferencesLike } from './electron-like';
import { editContextMenu } from './context-menu';
import { guardWebContents } from './guards';
import { defaultWindowSize, loadWindowState, saveWindowState } from './window-state';

/** The renderer gets no Node, no Electron, no webviews: only what the sandboxed preload exposes. */
export function secureWebPreferences(preload: string): WebPreferencesLike {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  electron: Pick<ElectronLike, 'BrowserWindow' | 'shell' | 'screen' | 'dialog' | 'Menu'>;
  preload: string;
  url: string;
  allowedOrigins: readonly string[];
  stateFile: string;
  log?: Logger;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindowLike {
  const { BrowserWindow, shell, screen, dialog, Menu } = options.electron;
  const remembered = loadWindowState(
    options.stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(remembered
      ? { x: remembered.x, y: remembered.y, width: remembered.width, height: remembered.height }
      : defaultWindowSize),
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Hookscope',
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(options.preload),
  });
  guardWebContents(window.webContents, { allowedOrigins: options.allowedOrigins, shell, log: options.log });
  window.webContents.on('context-menu', (_event, params) => {
    const template = editContextMenu(params);
    if (template.length && !window.isDestroyed()) Menu.buildFromTemplate(template).popup({ window });
  });
  // A crashed or killed renderer leaves a blank window, and packaged builds have no Reload menu item.
  window.webContents.on('render-process-gone', (_event, { reason, exitCode }) => {
    options.log?.error('renderer process gone', { reason, exitCode });
    if (reason === 'clean-exit' || window.isDestroyed()) return;
    window.show(); // it may have crashed before its first paint, while still hidden
    void dialog
      .showMessageBox(window, {
        type: 'error',
        title: 'Hookscope',
        message: 'The Hookscope window stopped working.',
        detail: `Reason: ${reason} (exit code ${exitCode}). The receiver keeps capturing in the meantime.`,
        buttons: ['Reload', 'Close Window'],
      })
      .then(({ response }) => {
        if (window.isDestroyed()) return;
        if (response === 0) window.webContents.reload();
        else window.close();
      })
      .catch((error: unknown) => options.log?.warn('crash dialog failed', { error: String(error) }));
  });
  // The page refuses to unload while a draft is unsaved; Electron shows no dialog of its own and would just ignore
  // the close or reload. preventDefault() here lets the unload go ahead.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: 'Hookscope',
      message: 'Discard the unsaved draft?',
      detail:
        'Something typed (composer, endpoint form, settings) is not sent or saved yet; closing or reloading drops it.',
      buttons: ['Discard', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault();
  });
  // Not before: Electron's maximize() also shows a hidden window, which flashed empty before its first paint.
  window.once('ready-to-show', () => {
    if (remembered?.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    try {
      saveWindowState(options.stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      options.log?.warn('could not save window bounds', { error: String(error) });
    }
  });
  void window
    .loadURL(options.url)
    .catch((error: unknown) => options.log?.error('renderer failed to load', { error: String(error) }));
  return window;
}
