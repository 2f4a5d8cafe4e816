import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/engine/api/dispatcher';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import type { Handlers } from '../../electron/shared/contract/index';
import { createFakeElectron } from './fake-electron';

// A log still being appended to is longer by the time it is read than when its size was looked at. /proc/self/status
// is that case made deterministic: a regular file whose size reads as 0 and whose content runs to about a kilobyte.
const growing = '/proc/self/status';

describe.skipIf(process.platform !== 'linux')(
  'desktop.openFile on a file longer when read than its size said',
  () => {
    it('reads no more than maxBytes and one, and refuses it naming the file and the limit', async () => {
      expect(statSync(growing).size).toBe(0);
      const fake = createFakeElectron();
      const handlers = createDesktopHandlers({
        dialog: fake.electron.dialog,
        shell: fake.electron.shell,
        dataDir: '/nonexistent',
        downloadsDir: '/nonexistent',
        getWindow: () => null,
      });
      const dispatcher = createDispatcher(handlers as unknown as Handlers, { checkOutputs: true });
      fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [growing] });
      const result = await dispatcher.dispatch('desktop.openFile', { maxBytes: 100 }, { transport: 'ipc' });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'payload_too_large',
          message: expect.stringMatching(/^maxBytes: status .*100 bytes/),
          details: { sizeBytes: 101, maxBytes: 100 },
        },
      });
    });

    it('still opens it whole under the limit', async () => {
      const fake = createFakeElectron();
      const handlers = createDesktopHandlers({
        dialog: fake.electron.dialog,
        shell: fake.electron.shell,
        dataDir: '/nonexistent',
        downloadsDir: '/nonexistent',
        getWindow: () => null,
      });
      const dispatcher = createDispatcher(handlers as unknown as Handlers, { checkOutputs: true });
      fake.electron.dialog.openAnswers.push({ canceled: false, filePaths: [growing] });
      const result = await dispatcher.dispatch(
        'desktop.openFile',
        { maxBytes: 1024 * 1024 },
        { transport: 'ipc' },
      );
      expect(result).toMatchObject({
        ok: true,
        value: { name: 'status', content: expect.stringContaining('Pid:') },
      });
    });
  },
);
