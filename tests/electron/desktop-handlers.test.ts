import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/engine/api/dispatcher';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import type { Handlers } from '../../electron/shared/contract/index';
import { tempDir } from '../helpers/temp-dir';
import { createFakeElectron } from './fake-electron';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-desktop-handlers-')));
afterEach(() => dir.cleanup());

function setup(options: { window?: boolean } = {}) {
  const fake = createFakeElectron();
  const window = options.window === false ? null : new fake.electron.BrowserWindow({} as never);
  const handlers = createDesktopHandlers({
    dialog: fake.electron.dialog,
    shell: fake.electron.shell,
    dataDir: dir.path,
    downloadsDir: join(dir.path, 'Downloads'),
    getWindow: () => window,
  });
  // Only desktop methods are called here; the dispatcher validates inputs exactly as it does over IPC.
  const dispatcher = createDispatcher(handlers as unknown as Handlers, { checkOutputs: true });
  const call = (method: string, input: unknown) => dispatcher.dispatch(method, input, { transport: 'ipc' });
  return { fake, call };
}

describe('desktop-only handlers', () => {
  it('saveFile writes the content where the user chose, starting in Downloads', async () => {
    const { fake, call } = setup();
    const target = join(dir.path, 'export.har');
    fake.electron.dialog.saveAnswers.push({ canceled: false, filePath: target });
    const result = await call('desktop.saveFile', { suggestedName: 'export.har', content: '{"log":"é"}' });
    expect(result).toEqual({ ok: true, value: { saved: true, path: target, bytes: 12 } });
    expect(readFileSync(target, 'utf8')).toBe('{"log":"é"}');
    expect(fake.electron.dialog.saveOptions[0]).toMatchObject({
      defaultPath: join(dir.path, 'Downloads', 'export.har'),
    });
  });

  it('saveFile reports a cancelled dialog and refuses a path as the suggested name', async () => {
    const { call } = setup();
    expect(await call('desktop.saveFile', { suggestedName: 'a.har', content: 'x' })).toEqual({
      ok: true,
      value: { saved: false, path: null, bytes: 0 },
    });
    const bad = await call('desktop.saveFile', { suggestedName: '../../.bashrc', content: 'x' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('suggestedName') },
    });
  });

  it('openFile reads the chosen file, and refuses one above maxBytes naming the field', async () => {
    const { fake, call } = setup();
    const file = join(dir.path, 'in.har');
    writeFileSync(file, '{"log":{}}');
    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    expect(await call('desktop.openFile', { filters: [{ name: 'HAR', extensions: ['har'] }] })).toEqual({
      ok: true,
      value: { canceled: false, path: file, name: 'in.har', content: '{"log":{}}' },
    });
    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    expect(await call('desktop.openFile', { maxBytes: 5 })).toMatchObject({
      ok: false,
      error: { code: 'payload_too_large', message: expect.stringContaining('maxBytes') },
    });
    expect(await call('desktop.openFile', { filters: [{ name: 'x', extensions: ['.har'] }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('filters.0.extensions.0') },
    });
  });

  it('dialogs are sheets on the window, and stand alone when no window is open (macOS keeps running)', async () => {
    const withWindow = setup();
    await withWindow.call('desktop.openFile', {});
    expect(withWindow.fake.electron.dialog.shownOn).toEqual(['window']);
    const { fake, call } = setup({ window: false });
    const file = join(dir.path, 'in.har');
    writeFileSync(file, '{}');
    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    expect(await call('desktop.openFile', {})).toMatchObject({ ok: true, value: { content: '{}' } });
    expect(await call('desktop.saveFile', { suggestedName: 'a.har', content: 'x' })).toMatchObject({
      ok: true,
    });
    expect(fake.electron.dialog.shownOn).toEqual(['none', 'none']);
  });

  it('revealInFolder shows a file the user saved or opened through the dialogs, if it still exists', async () => {
    const { fake, call } = setup();
    const saved = join(dir.path, 'x.txt');
    fake.electron.dialog.saveAnswers.push({ canceled: false, filePath: saved });
    await call('desktop.saveFile', { suggestedName: 'x.txt', content: 'x' });
    expect(await call('desktop.revealInFolder', { path: saved })).toEqual({
      ok: true,
      value: { revealed: true },
    });
    const opened = join(dir.path, 'in.har');
    writeFileSync(opened, '{}');
    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [opened] });
    await call('desktop.openFile', {});
    expect(await call('desktop.revealInFolder', { path: opened })).toMatchObject({ ok: true });
    expect(fake.electron.shell.revealed).toEqual([saved, opened]);
    expect(await call('desktop.revealInFolder', { path: 'relative/x.txt' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    unlinkSync(saved);
    expect(await call('desktop.revealInFolder', { path: saved })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('revealInFolder refuses a path the renderer made up, without touching it', async () => {
    const { fake, call } = setup();
    const existing = join(dir.path, 'secret.txt');
    writeFileSync(existing, 'x');
    for (const path of [existing, join(dir.path, 'missing'), dir.path]) {
      expect(await call('desktop.revealInFolder', { path })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('path') },
      });
    }
    expect(fake.electron.shell.revealed).toEqual([]);
  });

  it('openDataFolder opens the data dir', async () => {
    const { fake, call } = setup();
    expect(await call('desktop.openDataFolder', {})).toEqual({
      ok: true,
      value: { opened: true, path: dir.path },
    });
    expect(fake.electron.shell.opened).toEqual([dir.path]);
  });
});
