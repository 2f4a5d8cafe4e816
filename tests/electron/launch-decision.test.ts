import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decideLaunch,
  findElectronRuntime,
  hasDisplay,
  needsBuild,
  openCommand,
} from '../../scripts/lib/launch-decision.mjs';

const dir = '/repo/node_modules/electron';
const io = (files: Record<string, string>) => ({
  electronDir: dir,
  env: {},
  exists: (path: string) => Object.hasOwn(files, path),
  read: (path: string) => files[path] ?? null,
});

describe('findElectronRuntime', () => {
  it('reports the package missing', () => {
    expect(findElectronRuntime({ ...io({}), electronDir: null })).toEqual({
      ok: false,
      reason: 'the electron package is not installed',
    });
  });

  it('reports an undownloaded binary when path.txt is absent (the postinstall download failed)', () => {
    expect(findElectronRuntime(io({}))).toEqual({ ok: false, reason: 'binary not downloaded' });
  });

  it('reports a missing binary when path.txt points nowhere', () => {
    const result = findElectronRuntime(io({ [join(dir, 'path.txt')]: 'electron' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('binary not downloaded');
  });

  it('finds a downloaded binary', () => {
    const files = { [join(dir, 'path.txt')]: 'electron\n', [join(dir, 'dist', 'electron')]: '' };
    expect(findElectronRuntime(io(files))).toEqual({ ok: true, path: join(dir, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const files = { '/opt/electron/electron': '' };
    expect(
      findElectronRuntime({ ...io(files), env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' } }),
    ).toEqual({
      ok: true,
      path: '/opt/electron/electron',
    });
    expect(findElectronRuntime({ ...io({}), env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/none' } }).ok).toBe(
      false,
    );
  });
});

describe('decideLaunch', () => {
  const available = { ok: true as const, path: '/bin/electron' };
  const missing = { ok: false as const, reason: 'binary not downloaded' };
  const x11 = { DISPLAY: ':0' };

  it('launches Electron when the runtime and a display exist', () => {
    expect(decideLaunch({ argv: [], platform: 'linux', env: x11, runtime: available })).toEqual({
      mode: 'electron',
      binary: '/bin/electron',
    });
    expect(decideLaunch({ argv: [], platform: 'darwin', env: {}, runtime: available }).mode).toBe('electron');
  });

  it('falls back to browser mode when the runtime is missing, saying why in one line', () => {
    const decision = decideLaunch({ argv: [], platform: 'linux', env: x11, runtime: missing });
    expect(decision).toEqual({
      mode: 'browser',
      reason: 'Electron runtime not available (binary not downloaded) — starting browser mode',
      openBrowser: true,
    });
  });

  it('falls back to browser mode without a display and does not try to open a browser', () => {
    expect(decideLaunch({ argv: [], platform: 'linux', env: {}, runtime: available })).toEqual({
      mode: 'browser',
      reason: 'No display (neither DISPLAY nor WAYLAND_DISPLAY is set) — starting browser mode',
      openBrowser: false,
    });
    expect(decideLaunch({ argv: [], platform: 'linux', env: {}, runtime: missing })).toMatchObject({
      mode: 'browser',
      openBrowser: false,
    });
  });

  it('honours --browser, --no-open and --self-test', () => {
    expect(decideLaunch({ argv: ['--browser'], platform: 'linux', env: x11, runtime: available })).toEqual({
      mode: 'browser',
      reason: 'Browser mode requested (--browser)',
      openBrowser: true,
    });
    expect(
      decideLaunch({ argv: ['--browser', '--no-open'], platform: 'linux', env: x11, runtime: available }),
    ).toMatchObject({ openBrowser: false });
    expect(decideLaunch({ argv: ['--self-test'], platform: 'linux', env: {}, runtime: missing })).toEqual({
      mode: 'self-test',
    });
  });

  it('detects displays per platform', () => {
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('win32', {})).toBe(true);
  });
});

describe('needsBuild and openCommand', () => {
  it('builds when outputs are missing or older than sources', () => {
    expect(needsBuild({ outputs: [100, null], newestSourceMs: 50 })).toEqual({
      build: true,
      why: 'dist/ is missing files',
    });
    expect(needsBuild({ outputs: [100, 90], newestSourceMs: 95 })).toEqual({
      build: true,
      why: 'sources changed since the last build',
    });
    expect(needsBuild({ outputs: [100, 90], newestSourceMs: 80 })).toEqual({ build: false, why: null });
  });

  it('opens URLs with the platform tool, escaping & for cmd', () => {
    expect(openCommand('linux', 'http://127.0.0.1:1/?token=a')).toEqual({
      command: 'xdg-open',
      args: ['http://127.0.0.1:1/?token=a'],
    });
    expect(openCommand('darwin', 'http://x/')).toEqual({ command: 'open', args: ['http://x/'] });
    expect(openCommand('win32', 'http://x/?a=1&b=2')).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '', 'http://x/?a=1^&b=2'],
    });
  });
});
