import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const repo = join(import.meta.dirname, '../../..');
const doc = '# Benchmarks\n\n## Machine\n\n- earlier machine\n\n## Decode\n\nearlier decode figures\n';

/** `npm run bench` in a scratch copy of the repo holding all.ts, the given bench scripts and a docs/benchmarks.md. */
function runAll(args: string[], benches: Record<string, string> = {}) {
  const root = tempDir();
  try {
    const dir = join(root.path, 'scripts/bench');
    mkdirSync(dir, { recursive: true });
    mkdirSync(join(root.path, 'docs'));
    for (const file of ['all.ts', 'bench-util.ts'])
      copyFileSync(join(repo, 'scripts/bench', file), join(dir, file));
    for (const [name, source] of Object.entries(benches)) writeFileSync(join(dir, `${name}.ts`), source);
    symlinkSync(join(repo, 'node_modules'), join(root.path, 'node_modules'));
    writeFileSync(join(root.path, 'package.json'), '{ "type": "module" }');
    writeFileSync(join(root.path, 'docs/benchmarks.md'), doc);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'all.ts'), ...args], {
      cwd: root.path,
      encoding: 'utf8',
    });
    return { ...run, doc: readFileSync(join(root.path, 'docs/benchmarks.md'), 'utf8') };
  } finally {
    root.cleanup();
  }
}

describe('npm run bench', () => {
  it('refuses an unknown --only name, naming it, and leaves docs/benchmarks.md alone', () => {
    const run = runAll(['--only', 'decode,ingets']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      '--only: unknown bench ingets (known: ingest, storage, reads, decode, send, ui)',
    );
    expect(run.doc).toBe(doc);
  });

  it('exits non-zero when a bench fails, and says so in docs/benchmarks.md', () => {
    const run = runAll(['--only', 'decode'], { decode: 'process.exit(3);\n' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('FAILED: decode (exit 3)');
    expect(run.doc).toContain('**failed this time**: decode (exit 3)');
    expect(run.doc).toContain('earlier decode figures');
  });
});
