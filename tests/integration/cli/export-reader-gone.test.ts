import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as exportCli } from '../../../electron/cli/commands/export';
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();
beforeAll(async () => {
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  for (let i = 0; i < 5; i++)
    await send(`${engine.receiverUrl}/gone/${i}`, { method: 'POST', body: `{"i":${i}}` });
  await engine.close();
});
afterAll(() => dir.cleanup());

describe('export when the reader of its output goes away (| head -1)', () => {
  it.each(['jsonl', 'har', 'json'])(
    '%s: does not claim to have exported what no one read',
    async (format) => {
      const readerGone = new AbortController();
      const out: string[] = [];
      const err: string[] = [];
      const io = {
        stdout: (s: string) => {
          out.push(s);
          // The first capture is read, then the reader exits, as head -1 does after its line.
          if (out.length === 2) readerGone.abort();
        },
        stderr: (s: string) => err.push(s),
        stdoutClosed: readerGone.signal,
      };
      expect(await exportCli(['--data-dir', dir.path, '--format', format], io)).toBe(0);
      expect(err.join('')).not.toMatch(/exported \d+ capture/);
      expect(err.join('')).not.toContain('deleted during the export');
    },
  );
});
