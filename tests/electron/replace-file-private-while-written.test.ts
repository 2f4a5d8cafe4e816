import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFile } from '../../electron/main/replace-file';
import { tempDir } from '../helpers/temp-dir';

// Saving over a file kept private (chmod 600: an export with its secrets kept, --no-redact) writes a temporary file
// beside it. That file was created with the umask's default (0644) and given the target's bits only at the end: for
// the whole write, other users could read the secrets; written in place before, the file never was readable to them.
let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-replace-private-')));
afterEach(() => dir.cleanup());

const partialIn = (folder: string) => readdirSync(folder).find((name) => name.endsWith('.part'));

describe('replacing a private file', () => {
  it('keeps the temporary file as private as the file it replaces while it is written', async () => {
    const target = join(dir.path, 'secrets.har');
    writeFileSync(target, 'earlier');
    chmodSync(target, 0o600);
    let whileWritten = -1;
    await replaceFile(target, async (write) => {
      // Past the stream's buffer, so the write waits until the file is open and written to.
      await write(Buffer.alloc(1024 * 1024, 'SECRET'));
      whileWritten = statSync(join(dir.path, partialIn(dir.path)!)).mode & 0o777;
    });
    expect(whileWritten.toString(8)).toBe('600');
    expect((statSync(target).mode & 0o777).toString(8)).toBe('600');
  });
});
