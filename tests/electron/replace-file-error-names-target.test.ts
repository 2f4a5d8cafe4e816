import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFile } from '../../electron/main/replace-file';
import { tempDir } from '../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-replace-error-')));
afterEach(() => dir.cleanup());

const save = (path: string) => replaceFile(path, (write) => write('x'));

// The temporary `<name>.<pid>.part` file is an implementation detail: a save that cannot start names the file the
// user chose.
describe('a save that cannot write its temporary file', () => {
  it('names the chosen file when its folder does not exist', async () => {
    const target = join(dir.path, 'nodir', 'export.har');
    const failure = await save(target).then(
      () => null,
      (error: NodeJS.ErrnoException) => error,
    );
    expect(failure?.code).toBe('ENOENT');
    expect(failure?.message).toContain(target);
    expect(failure?.message).not.toContain('.part');
    expect(failure?.path).toBe(target);
  });
});
