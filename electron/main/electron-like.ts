import type { IpcMainLike } from '../engine/transport/ipc-transport';

/**
 * The slice of Electron the shell uses. Only electron/main/main.ts imports the real module and passes it in;
 * tests pass fakes. Methods (not arrow properties) so the real, wider Electron signatures stay assignable.
 */
export interface ElectronLike {
  app: AppLike;
  BrowserWindow: new (options: BrowserWindowOptions) => BrowserWindowLike;
  ipcMain: IpcMainLike;
  protocol: ProtocolLike;
  session: { defaultSession: SessionLike };
  shell: ShellLike;
  dialog: DialogLike;
  Menu: MenuStatic;
  Notification: NotificationStatic;
  nativeTheme: { themeSource: 'system' | 'light' | 'dark' };
  screen: { getAllDisplays(): Array<{ workArea: Rectangle }> };
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface AppLike {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  quit(): void;
  exit(exitCode?: number): void;
  /** Start the app again once this instance has exited. */
  relaunch(): void;
  getVersion(): string;
  getName(): string;
  getPath(name: 'downloads' | 'userData' | 'home'): string;
  setPath(name: 'userData', path: string): void;
  setAppUserModelId(id: string): void;
  on(event: 'second-instance' | 'activate' | 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown;
}

export interface WebPreferencesLike {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webviewTag: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  experimentalFeatures: boolean;
  navigateOnDragDrop: boolean;
  spellcheck: boolean;
}

export interface BrowserWindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: WebPreferencesLike;
}

export interface WindowOpenDetails {
  url: string;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  getURL(): string;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(
    event: 'will-attach-webview' | 'will-prevent-unload',
    listener: (event: PreventableEvent) => void,
  ): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParamsLike) => void): unknown;
  reload(): void;
  loadURL(url: string): Promise<void>;
}

/** The part of Electron's `ContextMenuParams` the edit menu reads. */
export interface ContextMenuParamsLike {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isFocused(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): Rectangle;
  close(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close' | 'closed' | 'focus', listener: () => void): unknown;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: Array<{
      scheme: string;
      privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; codeCache: boolean };
    }>,
  ): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface PermissionRequestDetails {
  requestingUrl?: string;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionRequestDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: unknown,
    ) => boolean,
  ): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
  openPath(path: string): Promise<string>;
  showItemInFolder(fullPath: string): void;
}

export interface FileFilterLike {
  name: string;
  extensions: string[];
}

export interface MessageBoxOptionsLike {
  type?: 'info' | 'warning' | 'error';
  title?: string;
  message: string;
  detail?: string;
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
}

export interface SaveDialogOptionsLike {
  title?: string;
  defaultPath?: string;
  filters?: FileFilterLike[];
}

export interface OpenDialogOptionsLike {
  title?: string;
  properties: Array<'openFile'>;
  filters?: FileFilterLike[];
}

/** Each dialog is a sheet on `window`, or free-standing when called without one. */
export interface DialogLike {
  showSaveDialog(
    window: object,
    options: SaveDialogOptionsLike,
  ): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: SaveDialogOptionsLike): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(
    window: object,
    options: OpenDialogOptionsLike,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showOpenDialog(options: OpenDialogOptionsLike): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(window: object, options: MessageBoxOptionsLike): Promise<{ response: number }>;
  showMessageBox(options: MessageBoxOptionsLike): Promise<{ response: number }>;
  showMessageBoxSync(window: object, options: MessageBoxOptionsLike): number;
  showErrorBox(title: string, content: string): void;
}

export interface MenuItemOptions {
  label?: string;
  role?:
    | 'undo'
    | 'redo'
    | 'cut'
    | 'copy'
    | 'paste'
    | 'selectAll'
    | 'reload'
    | 'forceReload'
    | 'toggleDevTools'
    | 'resetZoom'
    | 'zoomIn'
    | 'zoomOut'
    | 'togglefullscreen'
    | 'quit'
    | 'close'
    | 'minimize'
    | 'appMenu'
    | 'windowMenu';
  type?: 'normal' | 'separator' | 'submenu' | 'radio' | 'checkbox';
  accelerator?: string;
  enabled?: boolean;
  visible?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemOptions[];
}

export interface MenuStatic {
  buildFromTemplate(template: MenuItemOptions[]): { popup(options?: { window?: object }): void };
  setApplicationMenu(menu: object | null): void;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface NotificationStatic {
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike;
  isSupported(): boolean;
}
