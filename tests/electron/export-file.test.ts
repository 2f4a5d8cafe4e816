import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StreamExport } from '../../electron/engine/captures/export-stream';
import { writeExportFile } from '../../electron/main/export-file';
import { tempDir } from '../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-export-file-')));
afterEach(() => dir.cleanup());

const input = { format: 'har', redact: true, limit: 10 } as const;

/** Writes a few large captures (the disk catches up between them), then fails as a capture that cannot be read does. */
const failingHalfway: StreamExport = async (_input, _begin, write) => {
  await write('{"log":{"entries":[');
  for (let i = 0; i < 8; i++) await write(`{"request":{"postData":{"text":"${'x'.repeat(64 * 1024)}"}}},`);
  throw new Error('disk I/O error');
};

describe('writeExportFile', () => {
  it('writes the pieces to the chosen file', async () => {
    const path = join(dir.path, 'out.har');
    const streamed: StreamExport = async (_input, _begin, write) => {
      await write('{"log":');
      await write('{}}');
      return { count: 0, missing: 0 };
    };
    expect(await writeExportFile(streamed, path, input)).toEqual({ count: 0, missing: 0 });
    expect(readFileSync(path, 'utf8')).toBe('{"log":{}}');
    expect(readdirSync(dir.path)).toEqual(['out.har']);
  });

  it('an export failing halfway leaves no truncated file, and keeps the file it was to replace', async () => {
    const fresh = join(dir.path, 'fresh.har');
    await expect(writeExportFile(failingHalfway, fresh, input)).rejects.toThrow('disk I/O error');
    expect(readdirSync(dir.path)).toEqual([]);

    const existing = join(dir.path, 'existing.har');
    writeFileSync(existing, '{"log":{"entries":["earlier export"]}}');
    await expect(writeExportFile(failingHalfway, existing, input)).rejects.toThrow('disk I/O error');
    expect(readFileSync(existing, 'utf8')).toBe('{"log":{"entries":["earlier export"]}}');
    expect(readdirSync(dir.path)).toEqual(['existing.har']);
  });

  it('an export failing before the file is even open leaves nothing behind', async () => {
    const path = join(dir.path, 'early.har');
    const failingAtOnce: StreamExport = async () => {
      throw new Error('no such endpoint');
    };
    await expect(writeExportFile(failingAtOnce, path, input)).rejects.toThrow('no such endpoint');
    expect(readdirSync(dir.path)).toEqual([]);
  });
});
