import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopLaunchFlags } from '../../scripts/lib/launch-decision.mjs';
import { tempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.cleanup()));

/** `npm start` with a stand-in Electron binary that prints what it was started with instead of opening a window. */
function startWithStandInElectron(args: string[]) {
  const dist = tempDir('hookscope-stand-in-electron-');
  dirs.push(dist);
  const binary = join(dist.path, 'electron');
  writeFileSync(
    binary,
    '#!/bin/sh\necho "data=$HOOKSCOPE_DATA_DIR"\necho "port=$HOOKSCOPE_RECEIVER_PORT"\necho "args=$*"\n',
  );
  chmodSync(binary, 0o755);
  const env: Record<string, string | undefined> = {
    ...process.env,
    PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    ELECTRON_OVERRIDE_DIST_PATH: dist.path,
    DISPLAY: ':99',
  };
  delete env.HOOKSCOPE_DATA_DIR;
  delete env.HOOKSCOPE_RECEIVER_PORT;
  return spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env,
  });
}

describe('npm start -- --data-dir D --receiver-port N, when it launches the desktop app', () => {
  it('hands the desktop app the folder and port asked for (it reads them from the environment, not flags)', () => {
    const result = startWithStandInElectron(['--data-dir', 'my-data', '--receiver-port=9911']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`data=${join(root, 'my-data')}\n`);
    expect(result.stdout).toContain('port=9911\n');
    expect(result.stdout).not.toContain('--data-dir');
    expect(result.status).toBe(0);
  });

  it('refuses a browser-mode flag the desktop app would ignore, naming it, before starting anything', () => {
    const result = startWithStandInElectron(['--host', '0.0.0.0']);
    expect(result.stderr).toMatch(/^--host: the desktop app does not take it; run browser mode/);
    expect(result.stdout).not.toContain('args=');
    expect(result.status).toBe(2);
  });
});

describe('desktopLaunchFlags', () => {
  it('keeps Electron flags, takes --data-dir=D and --receiver-port N, and names a bad port', () => {
    expect(
      desktopLaunchFlags(['--enable-logging', '--data-dir=./d', '--receiver-port', '0'], '/repo'),
    ).toEqual({
      ok: true,
      args: ['--enable-logging'],
      env: { HOOKSCOPE_DATA_DIR: '/repo/d', HOOKSCOPE_RECEIVER_PORT: '0' },
    });
    expect(desktopLaunchFlags(['--data-dir', '/abs'], '/repo')).toMatchObject({
      env: { HOOKSCOPE_DATA_DIR: '/abs' },
    });
    expect(desktopLaunchFlags(['--receiver-port', 'x'], '/repo')).toEqual({
      ok: false,
      message: '--receiver-port: expected a whole number from 0 to 65535, got "x"',
    });
    expect(desktopLaunchFlags(['--data-dir'], '/repo')).toEqual({
      ok: false,
      message: '--data-dir: give a value',
    });
  });
});
