import type { StreamExport } from '../engine/captures/export-stream';
import type { ParsedInput } from '../shared/contract/index';
import { replaceFile } from './replace-file';

/**
 * Writes an export to `path` as the engine writes it, a capture at a time and waiting for the disk between them: no
 * string ever holds the whole file (V8 refuses one past ~512 MB, and a few large captures already cost as much memory).
 * The bytes are those `captures.export` answers, written through `replaceFile`: an export that fails halfway leaves no
 * truncated file, and the file it was to replace as it was.
 */
export async function writeExportFile(
  streamExport: StreamExport,
  path: string,
  input: ParsedInput<'captures.export'>,
): Promise<{ count: number; missing: number }> {
  return replaceFile(path, (write) => streamExport(input, () => {}, write));
}
