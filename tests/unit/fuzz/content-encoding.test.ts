import fc from 'fast-check';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeContentEncoding,
  indexableText,
  maxDecodedBytes,
} from '../../../electron/engine/store/body-text';

const encodings = fc.oneof(
  fc.constantFrom(
    'gzip',
    'x-gzip',
    'deflate',
    'br',
    'zstd',
    'identity',
    'GZIP',
    ' gzip , br ',
    'gzip, gzip',
    'compress',
    '',
    ',',
    'gzip,,br',
  ),
  fc.string({ maxLength: 30 }),
);
const compressors: Record<string, (b: Buffer) => Buffer> = {
  gzip: gzipSync,
  deflate: deflateSync,
  'deflate-raw': deflateRawSync,
  br: brotliCompressSync,
  zstd: zstdCompressSync,
};

describe('content-encoding decoding (fuzzed)', () => {
  it('never throws on any bytes with any Content-Encoding, and never returns more than the cap', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), encodings, (bytes, encoding) => {
        const result = decodeContentEncoding(Buffer.from(bytes), encoding);
        if (result.body) expect(result.body.length).toBeLessThanOrEqual(maxDecodedBytes);
        // An empty body has nothing to undo, so nothing failed to say.
        else if (
          bytes.length > 0 &&
          encoding.split(',').some((c) => c.trim() && c.trim().toLowerCase() !== 'identity')
        )
          expect(result.note).toBeTypeOf('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('undoes every supported coding exactly, alone and stacked', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.array(fc.constantFrom('gzip', 'deflate', 'deflate-raw', 'br', 'zstd'), {
          minLength: 1,
          maxLength: 3,
        }),
        (bytes, codings) => {
          let body: Buffer = Buffer.from(bytes);
          for (const c of codings) body = compressors[c]!(body);
          const header = codings.map((c) => (c === 'deflate-raw' ? 'deflate' : c)).join(', ');
          const result = decodeContentEncoding(body, header);
          expect(result.note).toBeNull();
          expect(result.body!.equals(Buffer.from(bytes))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('truncated or corrupted compressed bodies give a note, not an exception', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 1024 }),
        fc.constantFrom('gzip', 'deflate', 'br', 'zstd'),
        fc.nat(),
        (bytes, coding, cut) => {
          const full = compressors[coding]!(Buffer.from(bytes));
          const broken = Buffer.from(full.subarray(0, cut % full.length));
          if (broken.length > 0) broken[broken.length - 1] = broken[broken.length - 1]! ^ 0xff;
          const result = decodeContentEncoding(broken, coding);
          if (broken.length > 0) expect(result.body === null ? result.note : 'ok').toBeTruthy();
          else expect(result).toEqual({ body: null, note: null });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('indexable text of any bytes is a string no longer than the bytes it came from', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const text = indexableText(Buffer.from(bytes));
        expect(typeof text).toBe('string');
        expect(text.length).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 1000 },
    );
  });
});
