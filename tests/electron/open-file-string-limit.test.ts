import { truncateSync, writeFileSync } from 'node:fs';
import { constants } from 'node:buffer';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/engine/api/dispatcher';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import type { Handlers } from '../../electron/shared/contract/index';
import { tempDir } from '../helpers/temp-dir';
import { createFakeElectron } from './fake-electron';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-open-file-limit-')));
afterEach(() => dir.cleanup());

describe('desktop.openFile on a file longer than the longest string V8 can hold', () => {
  it('is refused before reading, naming the file and the limit', async () => {
    const fake = createFakeElectron();
    const handlers = createDesktopHandlers({
      dialog: fake.electron.dialog,
      shell: fake.electron.shell,
      dataDir: dir.path,
      downloadsDir: dir.path,
      getWindow: () => null,
    });
    const dispatcher = createDispatcher(handlers as unknown as Handlers, { checkOutputs: true });
    // Sparse: no disk space or read is needed to learn its size. Under the default maxBytes (512 MiB).
    const file = join(dir.path, 'huge.har');
    writeFileSync(file, '');
    truncateSync(file, constants.MAX_STRING_LENGTH + 1);
    fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [file] });
    const result = await dispatcher.dispatch('desktop.openFile', {}, { transport: 'ipc' });
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
