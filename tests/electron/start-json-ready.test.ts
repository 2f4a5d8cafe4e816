import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const dirs: Array<{ cleanup(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.cleanup()));

describe('npm start -- --json-ready in browser mode', () => {
  it('keeps stdout to JSON lines, the ready line among them, and says the rest on stderr', async () => {
    const data = tempDir();
    dirs.push(data);
    const child = spawn(
      process.execPath,
      [
        join(root, 'scripts/start.mjs'),
        '--browser',
        '--no-open',
        '--json-ready',
        '--receiver-port',
        '0',
        '--data-dir',
        data.path,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    try {
      // The banner is printed after the ready line is read, on whichever stream: once it is there, so is the ready line.
      while (!`${out}${err}`.includes('Press Ctrl+C to stop.') && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const lines = out.split('\n').filter((line) => line !== '');
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as { event?: string; receiverUrl?: string };
      } catch {
        return `not JSON: ${line}`;
      }
    });
    expect(parsed.filter((line) => typeof line === 'string')).toEqual([]);
    expect(parsed).toContainEqual(
      expect.objectContaining({
        event: 'ready',
        receiverUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      }),
    );
    expect(err).toContain('Browser mode requested (--browser)');
    expect(err).toContain('Press Ctrl+C to stop.');
  }, 120_000);
});
