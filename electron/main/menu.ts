import { join } from 'node:path';
import type { ApiClient } from '../shared/contract/client';
import type { StreamExport } from '../engine/captures/export-stream';
import { writeExportFile } from './export-file';
import { showMessageBoxOn, showSaveDialogOn } from './window-dialogs';
import type {
  BrowserWindowLike,
  DialogLike,
  ElectronLike,
  MenuItemOptions,
  ShellLike,
} from './electron-like';

export type ThemeSource = 'system' | 'light' | 'dark';

export interface MenuDeps {
  /** In-process client over the same dispatcher the IPC transport uses. */
  api: ApiClient;
  /** The engine's export writer: the file is written as the captures are read, never held whole. */
  streamExport: StreamExport;
  dialog: Pick<DialogLike, 'showMessageBox' | 'showErrorBox' | 'showSaveDialog'>;
  shell: Pick<ShellLike, 'openPath'>;
  nativeTheme: ElectronLike['nativeTheme'];
  getWindow(): BrowserWindowLike | null;
  logsDir: string;
  /** Where the export's save dialog starts. */
  downloadsDir: string;
  /** Show reload and devtools (unpackaged runs only). */
  dev: boolean;
  platform: NodeJS.Platform;
  onThemeChange?(theme: ThemeSource): void;
}

const harFilters = [
  { name: 'HTTP Archive', extensions: ['har', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** The actions behind the menu, separate from the template so tests can call them by name. */
export function createMenuActions(deps: MenuDeps) {
  const info = async (message: string, detail?: string) => {
    await showMessageBoxOn(deps.dialog, deps.getWindow(), {
      type: 'info',
      title: 'Hookscope',
      message,
      ...(detail ? { detail } : {}),
    });
  };
  const guarded = (title: string, action: () => Promise<void>) => async () => {
    try {
      await action();
    } catch (error) {
      deps.dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
    }
  };
  return {
    exportHar: guarded('Export failed', async () => {
      // An empty export, for its file name.
      const skeleton = await deps.api.call('captures.export', { format: 'har', ids: [] });
      const choice = await showSaveDialogOn(deps.dialog, deps.getWindow(), {
        title: 'Export HAR',
        defaultPath: join(deps.downloadsDir, skeleton.fileName),
        filters: harFilters,
      });
      if (choice.canceled || !choice.filePath) return;
      const { count } = await writeExportFile(deps.streamExport, choice.filePath, {
        format: 'har',
        redact: true,
        limit: Number.MAX_SAFE_INTEGER,
      });
      await info(`Exported ${count} capture${count === 1 ? '' : 's'}.`, choice.filePath);
    }),
    importHar: guarded('Import failed', async () => {
      const opened = await deps.api.call('desktop.openFile', { filters: harFilters });
      if (opened.canceled || opened.content === null) return;
      if (!opened.content.trim()) throw new Error(`${opened.name} is empty: nothing to import.`);
      const result = await deps.api.call('captures.importHar', { har: opened.content });
      const problems = [...result.errors, ...result.warnings].slice(0, 10).join('\n');
      // Not a HAR file, or every entry refused: an error, not an "Imported 0" notice with the reason in small print.
      if (!result.imported && !result.duplicates && result.errors.length)
        throw new Error(`Nothing was imported from ${opened.name}.\n\n${problems}`);
      const duplicates = result.duplicates ? `, left out ${result.duplicates} imported before` : '';
      await info(
        `Imported ${result.imported}, skipped ${result.skipped}${duplicates}.`,
        problems || undefined,
      );
    }),
    openDataFolder: guarded('Could not open the data folder', async () => {
      const result = await deps.api.call('desktop.openDataFolder', {});
      if (!result.opened) throw new Error(`${result.reason ?? 'The system refused.'}\n\n${result.path}`);
    }),
    openLogs: guarded('Could not open the logs folder', async () => {
      const failure = await deps.shell.openPath(deps.logsDir);
      if (failure) throw new Error(failure);
    }),
    about: guarded('About', async () => {
      const app = await deps.api.call('app.info', {});
      await info(`${app.name} ${app.version}`, `Receiver: ${app.receiverUrl}\nData: ${app.dataDir}`);
    }),
    setTheme(theme: ThemeSource) {
      deps.nativeTheme.themeSource = theme;
      deps.onThemeChange?.(theme);
    },
  };
}

export type MenuActions = ReturnType<typeof createMenuActions>;

/**
 * On Windows and Linux Electron's Zoom In answers only Ctrl+Shift+= (its accelerator is Ctrl+Plus), not the Ctrl+= or
 * numpad + that browsers take (electron/electron#40674): hidden items add those. macOS maps Cmd+= itself.
 */
const zoomInKeys: MenuItemOptions[] = [
  { role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false },
  { role: 'zoomIn', accelerator: 'CmdOrCtrl+numadd', visible: false },
];

export function buildMenuTemplate(
  actions: MenuActions,
  deps: Pick<MenuDeps, 'dev' | 'platform' | 'nativeTheme'> & { version: string },
): MenuItemOptions[] {
  const mac = deps.platform === 'darwin';
  const run = (action: () => Promise<void>) => () => void action();
  const theme = (label: string, value: ThemeSource): MenuItemOptions => ({
    label,
    type: 'radio',
    checked: deps.nativeTheme.themeSource === value,
    click: () => actions.setTheme(value),
  });
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Export HAR…', accelerator: 'CmdOrCtrl+E', click: run(actions.exportHar) },
        { label: 'Import HAR…', accelerator: 'CmdOrCtrl+O', click: run(actions.importHar) },
        { type: 'separator' },
        { label: 'Open Data Folder', click: run(actions.openDataFolder) },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        {
          label: 'Theme',
          submenu: [theme('System', 'system'), theme('Light', 'light'), theme('Dark', 'dark')],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        ...(mac ? [] : zoomInKeys),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(deps.dev
          ? ([
              { type: 'separator' },
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' },
            ] as MenuItemOptions[])
          : []),
      ],
    },
    ...(mac ? [{ role: 'windowMenu' } as MenuItemOptions] : []),
    {
      label: 'Help',
      submenu: [
        { label: 'About Hookscope', click: run(actions.about) },
        { label: `Version ${deps.version}`, enabled: false },
        { label: 'Open Logs Folder', click: run(actions.openLogs) },
      ],
    },
  ];
}
