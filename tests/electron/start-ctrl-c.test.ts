import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.cleanup()));

// Ctrl+C at a terminal signals the whole foreground process group (npm, start.mjs and whatever it launched), and npm
// passes its own on to start.mjs as well. The app must then close as on a single SIGINT: the store closed and the data
// folder's lock released, not killed halfway by a repeat that start.mjs passed on.
it.skipIf(process.platform === 'win32')(
  "Ctrl+C at a terminal stops npm start's server cleanly: exit 0, the data folder's lock released",
  async () => {
    const data = tempDir();
    dirs.push(data);
    const child = spawn(
      process.execPath,
      [
        join(root, 'scripts/start.mjs'),
        '--browser',
        '--no-open',
        '--receiver-port',
        '0',
        '--ui-port',
        '0',
        '--data-dir',
        data.path,
      ],
      // A process group of its own, as a shell gives a job: the terminal's Ctrl+C goes to all of it.
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    try {
      while (!out.includes('Press Ctrl+C to stop.') && child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(existsSync(join(data.path, 'hookscope.lock'))).toBe(true);
      process.kill(-child.pid!, 'SIGINT');
      // npm, in that group too, passes the signal it got on to its script.
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (child.exitCode === null) process.kill(child.pid!, 'SIGINT');
      expect(await exited, `npm start said:\n${out}`).toBe(0);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
    expect(existsSync(join(data.path, 'hookscope.lock'))).toBe(false);
  },
  120_000,
);
