// Saves `content` of the given size over `target` through desktop.saveFile, then prints the API's answer: run by
// save-file-replace.test.ts under a file-size limit (ulimit -f), so the write fails partway as on a full disk.
import { createDispatcher } from '../../electron/engine/api/dispatcher';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import type { Handlers } from '../../electron/shared/contract/index';
import { createFakeElectron } from './fake-electron';

const [dir, target, size] = process.argv.slice(2) as [string, string, string];
const fake = createFakeElectron();
const handlers = createDesktopHandlers({
  dialog: fake.electron.dialog,
  shell: fake.electron.shell,
  dataDir: dir,
  downloadsDir: dir,
  getWindow: () => null,
});
const dispatcher = createDispatcher(handlers as unknown as Handlers, { checkOutputs: true });
fake.electron.dialog.saveAnswers.push({ canceled: false, filePath: target });
const result = await dispatcher.dispatch(
  'desktop.saveFile',
  { suggestedName: 'export.har', content: 'x'.repeat(Number(size)) },
  { transport: 'ipc' },
);
process.stdout.write(JSON.stringify(result));
