import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/engine/api/dispatcher';
import { EventBus } from '../../electron/engine/events/event-bus';
import { createIpcTransport, originOf } from '../../electron/engine/transport/ipc-transport';
import { loadWindowState, saveWindowState } from '../../electron/main/window-state';
import { ipcChannels } from '../../electron/shared/contract/ipc';
import type { Handlers } from '../../electron/shared/contract/index';
import { tempDir } from '../helpers/temp-dir';
import { createIpcPair } from './ipc-pair';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-window-state-')));
afterEach(() => dir.cleanup());

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('round-trips bounds', () => {
    const file = join(dir.path, 'window-state.json');
    saveWindowState(file, { x: 10, y: 20, width: 900, height: 700, maximized: false });
    expect(loadWindowState(file, screen)).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 700,
      maximized: false,
    });
  });

  it('ignores a missing, corrupt or off-screen state (e.g. a monitor was unplugged)', () => {
    const file = join(dir.path, 'window-state.json');
    expect(loadWindowState(file, screen)).toBeNull();
    writeFileSync(file, '{"x":');
    expect(loadWindowState(file, screen)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 10, y: 20, width: 50, height: 700, maximized: false }));
    expect(loadWindowState(file, screen)).toBeNull();
    saveWindowState(file, { x: 3000, y: 20, width: 900, height: 700, maximized: false });
    expect(loadWindowState(file, screen)).toBeNull();
    expect(loadWindowState(file, [...screen, { x: 1920, y: 0, width: 2560, height: 1440 }])).not.toBeNull();
  });
});

describe('window state with the title bar off-screen', () => {
  it('falls back to the defaults when the title bar is above or below every screen', () => {
    const file = join(dir.path, 'window-state.json');
    saveWindowState(file, { x: 100, y: -700, width: 900, height: 800, maximized: false });
    expect(loadWindowState(file, screen)).toBeNull();
    saveWindowState(file, { x: 100, y: 1060, width: 900, height: 700, maximized: false });
    expect(loadWindowState(file, screen)).toBeNull();
    saveWindowState(file, { x: -860, y: 100, width: 900, height: 700, maximized: false });
    expect(loadWindowState(file, screen)).toBeNull();
  });

  it('cuts a window larger than its screen down to the work area', () => {
    const file = join(dir.path, 'window-state.json');
    saveWindowState(file, { x: 0, y: 0, width: 2560, height: 1440, maximized: false });
    expect(loadWindowState(file, screen)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
      maximized: false,
    });
  });
});

describe('IPC transport', () => {
  it('parses origins like Chromium for the app scheme', () => {
    expect(originOf('app://hookscope/index.html#/x')).toBe('app://hookscope');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf(null)).toBeNull();
  });

  it('pushes events only to live windows still on the app origin', async () => {
    const bus = new EventBus();
    const onApp = createIpcPair();
    const navigatedAway = createIpcPair('https://example.com/');
    const transport = createIpcTransport({
      ipcMain: onApp.ipcMain,
      dispatcher: createDispatcher({} as Handlers),
      bus,
      capabilities: [],
    });
    const received: unknown[] = [];
    const foreign: unknown[] = [];
    onApp.ipcRenderer.on(ipcChannels.event, (_e, message) => received.push(message));
    navigatedAway.ipcRenderer.on(ipcChannels.event, (_e, message) => foreign.push(message));
    transport.addTarget(onApp.webContents);
    transport.addTarget(navigatedAway.webContents);
    bus.emit('capture.deleted', { ids: [1], all: false });
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toEqual([{ event: 'capture.deleted', payload: { ids: [1], all: false } }]);
    expect(foreign).toEqual([]);

    onApp.destroy();
    bus.emit('capture.deleted', { ids: [2], all: false });
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toHaveLength(1);
    transport.close();
  });
});
