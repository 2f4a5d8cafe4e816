import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFile } from '../../electron/main/replace-file';
import { tempDir } from '../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-dangling-link-')));
afterEach(() => dir.cleanup());

const save = (path: string, text: string) => replaceFile(path, (write) => write(text));

// `ln -s missing.har link.har`, then saving to link.har: the file is created where the link points, as any program
// opening the link for writing would, and the link stays a link.
describe('replacing a file through a symlink to a file not there yet', () => {
  it('creates the file the link names, relative to the link’s folder', async () => {
    mkdirSync(join(dir.path, 'exports'));
    const link = join(dir.path, 'exports', 'link.har');
    symlinkSync('missing.har', link);
    await save(link, 'saved');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('missing.har');
    expect(readFileSync(join(dir.path, 'exports', 'missing.har'), 'utf8')).toBe('saved');
    expect(readdirSync(join(dir.path, 'exports')).sort()).toEqual(['link.har', 'missing.har']);
  });

  it('follows a chain of links, into another folder', async () => {
    mkdirSync(join(dir.path, 'elsewhere'));
    symlinkSync(join(dir.path, 'elsewhere', 'export.har'), join(dir.path, 'second.har'));
    symlinkSync('second.har', join(dir.path, 'first.har'));
    await save(join(dir.path, 'first.har'), '{"log":{}}');
    expect(lstatSync(join(dir.path, 'first.har')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir.path, 'second.har')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir.path, 'elsewhere', 'export.har'), 'utf8')).toBe('{"log":{}}');
    expect(readdirSync(join(dir.path, 'elsewhere'))).toEqual(['export.har']);
  });

  it('reads `..` in a link against the folder the link is really in, not the path it was reached by', async () => {
    mkdirSync(join(dir.path, 'real', 'inner'), { recursive: true });
    symlinkSync(join(dir.path, 'real', 'inner'), join(dir.path, 'shortcut'));
    symlinkSync('../missing.har', join(dir.path, 'real', 'inner', 'link.har'));
    await save(join(dir.path, 'shortcut', 'link.har'), 'saved');
    expect(readFileSync(join(dir.path, 'real', 'missing.har'), 'utf8')).toBe('saved');
    expect(readdirSync(dir.path).sort()).toEqual(['real', 'shortcut']);
  });
});
