import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-save-file-')));
afterEach(() => dir.cleanup());

const child = join(import.meta.dirname, 'save-file-child.ts');

describe('desktop.saveFile over an existing file', () => {
  it('a write cut off halfway leaves the file it was to replace whole, and no partial file', () => {
    const target = join(dir.path, 'export.har');
    writeFileSync(target, '{"log":{"entries":["the user’s earlier file"]}}');
    // Files this process writes may not grow past 64 KiB: the 1 MiB save fails partway with EFBIG, as on a full disk.
    const run = spawnSync(
      'bash',
      [
        '-c',
        'ulimit -f 64 && exec "$0" --import tsx "$@"',
        process.execPath,
        child,
        dir.path,
        target,
        String(1 << 20),
      ],
      { encoding: 'utf8', cwd: process.cwd() },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('EFBIG') },
    });
    expect(readFileSync(target, 'utf8')).toBe('{"log":{"entries":["the user’s earlier file"]}}');
    expect(readdirSync(dir.path)).toEqual(['export.har']);
  });
});
