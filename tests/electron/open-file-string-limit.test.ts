import { truncateSync, writeFileSync } from 'node:fs';
import { constants } from 'node:buffer';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { desktopOpenFile } from './desktop-open-file';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-open-file-limit-')));
afterEach(() => dir.cleanup());

describe('desktop.openFile on a file longer than the longest string V8 can hold', () => {
  it('is refused before reading, naming the file and the limit', async () => {
    // Sparse: no disk space or read is needed to learn its size. Under the default maxBytes (512 MiB).
    const file = join(dir.path, 'huge.har');
    writeFileSync(file, '');
    truncateSync(file, constants.MAX_STRING_LENGTH + 1);
    const result = await desktopOpenFile(dir.path).openFile({}, file);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'payload_too_large',
        message: expect.stringMatching(
          new RegExp(`huge\\.har .*${constants.MAX_STRING_LENGTH + 1}.*${constants.MAX_STRING_LENGTH}`),
        ),
        details: { sizeBytes: constants.MAX_STRING_LENGTH + 1, maxBytes: constants.MAX_STRING_LENGTH },
      },
    });
  });
});
