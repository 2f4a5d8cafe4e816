import type { FileHandle } from 'node:fs/promises';

const chunkBytes = 1024 * 1024;

/** Up to `max` bytes of a file from where it is, stopping at its end: however much it grows meanwhile. */
export async function readAtMost(file: FileHandle, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, max - total));
    const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}
