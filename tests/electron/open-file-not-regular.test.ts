import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { desktopOpenFile } from './desktop-open-file';

const dir = tempDir();
afterAll(() => dir.cleanup());
const fifos: string[] = [];
afterEach(() => {
  // Old code blocked opening a FIFO until a writer came: come as one, so a failed test leaves no thread stuck.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader was waiting.
    }
  }
});

const openChosen = (path: string) => desktopOpenFile(dir.path).openFile({}, path);

it.skipIf(process.platform === 'win32')(
  'a named pipe (FIFO) is refused naming it, instead of a read that waits for a writer forever',
  async () => {
    const fifo = join(dir.path, 'events.har');
    execFileSync('mkfifo', [fifo]);
    fifos.push(fifo);
    expect(await openChosen(fifo)).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'events.har is a named pipe, not a file: pick a file to open.',
      },
    });
  },
  10_000,
);

it('a folder is refused naming it, not with a raw EISDIR', async () => {
  const folder = join(dir.path, 'exports.har');
  mkdirSync(folder);
  expect(await openChosen(folder)).toEqual({
    ok: false,
    error: { code: 'invalid_input', message: 'exports.har is a folder, not a file: pick a file to open.' },
  });
});
