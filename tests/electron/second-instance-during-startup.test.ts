import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/engine';
import { silentLogger } from '../../electron/engine/util/logger';
import { startDesktop, type CreateEngine, type DesktopRuntime } from '../../electron/main/desktop-app';
import { createFakeElectron } from './fake-electron';

// A second launch while the first is still starting (a long migration) quits at once; the first must still come
// forward once its window exists, not ignore the launch because it was not listening yet.
let root: string;
let runtime: DesktopRuntime | null = null;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookscope-second-instance-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Hookscope</title>');
});
afterEach(async () => {
  await runtime?.shutdown();
  runtime = null;
  rmSync(root, { recursive: true, force: true });
});

function startSlowly(fake: ReturnType<typeof createFakeElectron>) {
  let finishStarting!: () => void;
  const startingMayFinish = new Promise<void>((resolve) => (finishStarting = resolve));
  let engineStarting!: () => void;
  const engineStarted = new Promise<void>((resolve) => (engineStarting = resolve));
  const slowEngine: CreateEngine = async (options) => {
    engineStarting();
    await startingMayFinish;
    return createEngine(options);
  };
  const { ready } = startDesktop(fake.electron, {
    createEngine: slowEngine,
    env: { HOOKSCOPE_DATA_DIR: join(root, 'data'), HOOKSCOPE_RECEIVER_PORT: '0' },
    platform: 'linux',
    homedir: '/nonexistent-home',
    preloadPath: '/app/dist/electron/preload.cjs',
    rendererDir: join(root, 'renderer'),
    makeLogger: () => silentLogger,
  });
  return { ready, engineStarted, finishStarting };
}

it('a second launch while the engine starts shows and focuses the window once it exists', async () => {
  const fake = createFakeElectron({ downloads: root });
  const { ready, engineStarted, finishStarting } = startSlowly(fake);
  fake.ready();
  await engineStarted;
  expect(fake.windows).toHaveLength(0);
  fake.electron.app.emit('second-instance');
  finishStarting();
  runtime = await ready;
  expect(fake.windows).toHaveLength(1);
  // The window is otherwise shown on its first paint ('ready-to-show'), which the fake never sends.
  expect(fake.windows[0]!.shown).toBe(true);
  expect(fake.windows[0]!.focused).toBe(true);
});

it('a second launch before the app is even ready is remembered too', async () => {
  const fake = createFakeElectron({ downloads: root });
  const { ready, finishStarting } = startSlowly(fake);
  fake.electron.app.emit('second-instance');
  fake.ready();
  finishStarting();
  runtime = await ready;
  expect(fake.windows).toHaveLength(1);
  expect(fake.windows[0]!.shown).toBe(true);
});

it('without a second launch the window waits for its first paint, and a later launch still brings it forward', async () => {
  const fake = createFakeElectron({ downloads: root });
  const { ready, finishStarting } = startSlowly(fake);
  fake.ready();
  finishStarting();
  runtime = await ready;
  const window = fake.windows[0]!;
  expect(window.shown).toBe(false);
  window.focused = false;
  fake.electron.app.emit('second-instance');
  expect(window.shown).toBe(true);
  expect(window.focused).toBe(true);
  expect(fake.windows).toHaveLength(1);
});
