import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('npm start -- --help', () => {
  it("prints npm start's own usage, its flags included, and starts nothing", () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), '--help'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
    });
    expect(result.stdout).toMatch(/^Usage: npm start /);
    for (const flag of ['--browser', '--no-open', '--self-test', '--data-dir', 'serve --help'])
      expect(result.stdout).toContain(flag);
    expect(result.stdout).not.toContain('starting browser mode');
    expect(result.status).toBe(0);
  });
});
