// The Electron entry (bundled to dist/electron/main.cjs). The only main-process file that imports electron.
import * as electron from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../engine/engine';
import { tuneHeapForLongRunningEngine } from '../engine/util/heap-tuning';
import { startDesktop } from './desktop-app';
import { createFileLogger } from './file-logger';

tuneHeapForLongRunningEngine();
startDesktop(electron, {
  createEngine,
  env: process.env,
  platform: process.platform,
  homedir: homedir(),
  preloadPath: join(__dirname, 'preload.cjs'),
  rendererDir: join(__dirname, '..', 'renderer'),
  makeLogger: (logsDir) =>
    createFileLogger(
      logsDir,
      electron.app.isPackaged ? undefined : (line) => process.stderr.write(line + '\n'),
    ),
});
