import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDirs } from '../../../electron/engine/util/make-dirs';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  dir?.cleanup();
  dir = undefined;
});

describe('makeDirs', () => {
  it('creates missing parents, and accepts a folder that already exists', () => {
    dir = tempDir();
    const deep = join(dir.path, 'a', 'b', 'c');
    makeDirs(deep);
    makeDirs(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('throws for a file in the way', () => {
    dir = tempDir();
    const file = join(dir.path, 'file');
    writeFileSync(file, 'x');
    expect(() => makeDirs(file)).toThrow(/EEXIST/);
    expect(() => makeDirs(join(file, 'sub'))).toThrow(/ENOTDIR/);
  });
});
