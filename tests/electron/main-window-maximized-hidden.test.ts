import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createMainWindow } from '../../electron/main/main-window';
import { saveWindowState } from '../../electron/main/window-state';
import { tempDir } from '../helpers/temp-dir';
import { createFakeElectron } from './fake-electron';

const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.cleanup()));

it('a window remembered maximized stays hidden until its first paint, then shows already maximized', () => {
  const dir = tempDir();
  dirs.push(dir);
  const stateFile = join(dir.path, 'window-state.json');
  saveWindowState(stateFile, { x: 100, y: 100, width: 1000, height: 700, maximized: true });
  const fake = createFakeElectron();
  createMainWindow({
    electron: fake.electron,
    preload: join(dir.path, 'preload.cjs'),
    url: 'app://hookscope/index.html',
    allowedOrigins: ['app://hookscope'],
    stateFile,
  });
  const window = fake.windows[0]!;
  const show = window.show.bind(window);
  let maximizedWhenShown: boolean | null = null;
  window.show = () => {
    maximizedWhenShown ??= window.maximized;
    show();
  };

  // Electron's maximize() shows a hidden window: called before ready-to-show, it flashed an empty window.
  expect(window.shown).toBe(false);
  window.emit('ready-to-show');
  expect(window.shown).toBe(true);
  expect(window.maximized).toBe(true);
  expect(maximizedWhenShown).toBe(true);
});
