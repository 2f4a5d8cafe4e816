import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('npm start -- --self-test', () => {
  it('opens a database, receives one request on port 0, finds it stored, and exits 0', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), '--self-test'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
    });
    expect(result.stdout).toContain('ok   opened the SQLite database');
    expect(result.stdout).toContain('ok   the request was stored');
    expect(result.stdout).toContain('ok   body stored byte-exact');
    expect(result.stdout).not.toContain('FAIL');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('Self-test passed.');
    expect(result.status).toBe(0);
  });
});
