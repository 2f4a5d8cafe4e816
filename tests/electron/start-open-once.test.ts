import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.cleanup()));

describe('npm start -- --open in browser mode', () => {
  it('opens the UI in the system browser once, not once from npm start and again from the server', async () => {
    const bin = tempDir('hookscope-fake-opener-');
    const data = tempDir();
    dirs.push(bin, data);
    const opened = join(bin.path, 'opened.log');
    writeFileSync(join(bin.path, 'xdg-open'), `#!/bin/sh\necho "$1" >> '${opened}'\n`);
    chmodSync(join(bin.path, 'xdg-open'), 0o755);
    const child = spawn(
      process.execPath,
      [
        join(root, 'scripts/start.mjs'),
        '--browser',
        '--open',
        '--receiver-port',
        '0',
        '--data-dir',
        data.path,
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          PATH: `${bin.path}:${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
          DISPLAY: ':99',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    try {
      while (!out.includes('Press Ctrl+C to stop.') && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 50));
      while (!existsSync(opened)) await new Promise((r) => setTimeout(r, 50));
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    // Both openers are started as the server reports ready; give the other one a moment to write too.
    await new Promise((r) => setTimeout(r, 1_000));
    const uiUrl = /UI: (\S+)/.exec(out)?.[1];
    expect(readFileSync(opened, 'utf8')).toBe(`${uiUrl}\n`);
  }, 120_000);
});
