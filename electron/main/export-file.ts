import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { StreamExport } from '../engine/captures/export-stream';
import type { ParsedInput } from '../shared/contract/index';

/**
 * Writes an export to `path` as the engine writes it, a capture at a time and waiting for the disk between them: no
 * string ever holds the whole file (V8 refuses one past ~512 MB, and a few large captures already cost as much memory).
 * The bytes are those `captures.export` answers.
 */
export async function writeExportFile(
  streamExport: StreamExport,
  path: string,
  input: ParsedInput<'captures.export'>,
): Promise<{ count: number; missing: number }> {
  const file = createWriteStream(path);
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
    return result;
  } catch (error) {
    file.destroy();
    throw error;
  }
}
