import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/engine';
import { silentLogger } from '../../electron/engine/util/logger';
import { startDesktop, type CreateEngine } from '../../electron/main/desktop-app';
import { createFakeElectron } from './fake-electron';

// Quitting holds the app until the engine has closed (in-flight deliveries get a grace period). A launch meanwhile is
// refused the single-instance lock and quits at once: the closing instance must not open a window over its closing
// engine and then quit anyway, leaving nothing running, but start the app again once it has exited.
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookscope-second-instance-quit-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Hookscope</title>');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('a second launch while quitting starts the app again after this instance exits, opening no window meanwhile', async () => {
  let finishClosing!: () => void;
  const closingMayFinish = new Promise<void>((resolve) => (finishClosing = resolve));
  const slowToClose: CreateEngine = async (options) => {
    const engine = await createEngine(options);
    return {
      ...engine,
      close: async () => {
        await closingMayFinish;
        await engine.close();
      },
    };
  };
  const fake = createFakeElectron({ downloads: root });
  const { ready } = startDesktop(fake.electron, {
    createEngine: slowToClose,
    env: { HOOKSCOPE_DATA_DIR: join(root, 'data'), HOOKSCOPE_RECEIVER_PORT: '0' },
    platform: 'linux',
    homedir: '/nonexistent-home',
    preloadPath: '/app/dist/electron/preload.cjs',
    rendererDir: join(root, 'renderer'),
    makeLogger: () => silentLogger,
  });
  fake.ready();
  const runtime = (await ready)!;
  fake.windows[0]!.close(); // the last window: the app quits and waits for the engine
  expect(fake.electron.app.quitCount).toBe(1);

  fake.electron.app.emit('second-instance');
  fake.electron.app.emit('second-instance');
  expect(fake.windows.filter((window) => !window.destroyed)).toHaveLength(0);
  expect(fake.electron.app.relaunches).toBe(1);

  finishClosing();
  await runtime.shutdown();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(fake.electron.app.quitCount).toBe(2);
  expect(fake.electron.app.relaunches).toBe(1);
});
