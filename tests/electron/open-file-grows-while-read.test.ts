import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { desktopOpenFile } from './desktop-open-file';

// A log still being appended to is longer by the time it is read than when its size was looked at. /proc/self/status
// is that case made deterministic: a regular file whose size reads as 0 and whose content runs to about a kilobyte.
const growing = '/proc/self/status';

describe.skipIf(process.platform !== 'linux')(
  'desktop.openFile on a file longer when read than its size said',
  () => {
    it('reads no more than maxBytes and one, and refuses it naming the file and the limit', async () => {
      expect(statSync(growing).size).toBe(0);
      const result = await desktopOpenFile().openFile({ maxBytes: 100 }, growing);
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
      const result = await desktopOpenFile().openFile({ maxBytes: 1024 * 1024 }, growing);
      expect(result).toMatchObject({
        ok: true,
        value: { name: 'status', content: expect.stringContaining('Pid:') },
      });
    });
  },
);
