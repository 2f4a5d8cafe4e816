import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/** Hands `fill` its writer; a write waits for the disk when the stream's buffer is full. */
export type FileWrite = (piece: string | Uint8Array) => Promise<void>;

/**
 * Writes `path` through a temporary file beside it (same directory, so the rename cannot cross disks), renamed over it
 * once complete: a write that fails or is cut off halfway leaves no truncated file, and the file it was to replace as
 * it was.
 */
export async function replaceFile<T>(path: string, fill: (write: FileWrite) => Promise<T>): Promise<T> {
  const partial = `${path}.${process.pid}.part`;
  const file = createWriteStream(partial);
  try {
    const result = await fill(async (piece) => {
      if (!file.write(piece)) await once(file, 'drain');
    });
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
