import { brotliCompressSync, deflateSync, gzipSync, zstdCompressSync } from 'node:zlib';

/** `plain` compressed again with the codings it was sent in; empty (left out) when one cannot be applied. */
export function encodedAgain(plain: Buffer, contentEncoding: string): Buffer {
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity');
  let body: Buffer = plain;
  for (const coding of codings) {
    const encode = encoders[coding];
    if (!encode) return Buffer.alloc(0);
    body = encode(body);
  }
  return body;
}

const encoders: Record<string, (body: Buffer) => Buffer> = {
  gzip: (b) => gzipSync(b),
  'x-gzip': (b) => gzipSync(b),
  deflate: (b) => deflateSync(b),
  br: (b) => brotliCompressSync(b),
  zstd: (b) => zstdCompressSync(b),
};
