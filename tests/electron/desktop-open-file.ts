import { createDispatcher } from '../../electron/engine/api/dispatcher';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import type { Handlers, Input } from '../../electron/shared/contract/index';
import { createFakeElectron } from './fake-electron';

/**
 * `desktop.openFile` as an IPC call reaches it: the desktop handlers over a fake Electron (`dir` as the data and
 * downloads folders) behind the real dispatcher, outputs checked. `openFile(input, chosen)` has the open dialog
 * choose `chosen` when given.
 */
export function desktopOpenFile(dir = '/nonexistent') {
  const fake = createFakeElectron();
  const handlers = createDesktopHandlers({
    dialog: fake.electron.dialog,
    shell: fake.electron.shell,
    dataDir: dir,
    downloadsDir: dir,
    getWindow: () => null,
  });
  const dispatcher = createDispatcher(handlers as unknown as Handlers, { checkOutputs: true });
  const openFile = (input: Input<'desktop.openFile'>, chosen?: string) => {
    if (chosen !== undefined) fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [chosen] });
    return dispatcher.dispatch('desktop.openFile', input, { transport: 'ipc' });
  };
  return { fake, openFile };
}
