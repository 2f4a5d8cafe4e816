import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { StreamExport } from '../engine/captures/export-stream';
import type { ParsedInput } from '../shared/contract/index';

/**
 * Writes an export to `path` as the engine writes it, a capture at a time and waiting for the disk between them: no
 * string ever holds the whole file (V8 refuses one past ~512 MB, and a few large captures already cost as much memory).
 * The bytes are those `captures.export` answers. They go to a temporary file beside `path`, renamed over it once
 * complete: an export that fails halfway leaves no truncated file, and the file it was to replace as it was.
 */
export async function writeExportFile(
  streamExport: StreamExport,
  path: string,
  input: ParsedInput<'captures.export'>,
): Promise<{ count: number; missing: number }> {
  const partial = `${path}.${process.pid}.part`;
  const file = createWriteStream(partial);
  try {
    const result = await streamExport(
      input,
      () => {},
      async (piece) => {
        if (!file.write(piece)) await once(file, 'drain');
      },
    );
    file.end();
    await once(file, 'finish');
    await rename(partial, path);
    return result;
  } catch (error) {
    file.destroy();
    // The file may still be opening: removed before then, it would be created again after.
    if (!file.closed) await once(file, 'close');
    await rm(partial, { force: true });
    throw error;
  }
}
