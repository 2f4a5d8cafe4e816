import { Readable } from 'node:stream';
import { responseCodingUndone } from '../../shared/send/response-coding';
import {
  constants,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  createZstdDecompress,
} from 'node:zlib';

function decoderFor(coding: string, raw: Buffer) {
  // Flush what a cut-off stream holds instead of failing on its missing end: only a prefix is kept.
  const zlibFlush = { finishFlush: constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip(zlibFlush);
    case 'deflate':
      // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: a zlib header starts 0x?8.
      return (raw[0]! & 0x0f) === 8 ? createInflate(zlibFlush) : createInflateRaw(zlibFlush);
    case 'br':
      return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
    case 'zstd':
      return createZstdDecompress();
    default:
      return null;
  }
}

/**
 * The first `keepBytes` of a response body as the server meant it, from the first bytes received of its encoded form:
 * null when the coding is none, several, unknown or broken (the bytes are then kept as received).
 */
export async function decodedResponsePrefix(
  raw: Buffer,
  contentEncoding: string | undefined,
  keepBytes: number,
): Promise<Buffer | null> {
  const coding = responseCodingUndone(contentEncoding);
  if (!coding || raw.length === 0) return null;
  const decoder = decoderFor(coding, raw);
  if (!decoder) return null;
  const kept: Buffer[] = [];
  let keptBytes = 0;
  try {
    const decoded = Readable.from([raw]).pipe(decoder);
    for await (const chunk of decoded as AsyncIterable<Buffer>) {
      kept.push(chunk.subarray(0, keepBytes - keptBytes));
      keptBytes += Math.min(chunk.length, keepBytes - keptBytes);
      if (keptBytes >= keepBytes) break;
    }
  } catch {
    return keptBytes > 0 ? Buffer.concat(kept) : null;
  } finally {
    decoder.destroy();
  }
  return Buffer.concat(kept);
}
