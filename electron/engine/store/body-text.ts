import { searchedBodyBytes } from '../../shared/contract/captures';
import { LIMITS } from '../../shared/decode/body';
import { declaredCharsetText } from '../../shared/decode/charset';
import { multipartFields } from '../../shared/decode/multipart';
import { storedBodyCodings, type BodyCoding } from '../../shared/send/transfer-codings';
import {
  brotliDecompressSync,
  constants,
  gunzipSync,
  inflateRawSync,
  inflateSync,
  zstdDecompressSync,
} from 'node:zlib';

/** Decoded bodies are capped so a gzip bomb can never expand unbounded. */
export const maxDecodedBytes = 64 * 1024 * 1024;

export interface DecodedBody {
  body: Buffer | null;
  note: string | null;
  /** Not expanded because the decoded bytes would pass the cap (not because the coding is unknown or broken). */
  overCap?: true;
}

/** Undo Content-Encoding (possibly several, applied in order) for display; the stored bytes are never changed. */
export function decodeContentEncoding(
  body: Buffer,
  contentEncoding: string | null,
  maxBytes = maxDecodedBytes,
): DecodedBody {
  return decodeBodyCodings(body, storedBodyCodings(contentEncoding, []), maxBytes);
}

/**
 * Undo every coding a captured request body is stored in (see `storedBodyCodings`: its Content-Encoding, then the
 * transfer codings of `Transfer-Encoding: gzip, chunked`) for display and search; the stored bytes are never changed.
 */
export function decodeRequestBody(
  body: Buffer,
  contentEncoding: string | null,
  headers: Array<[string, string]>,
  maxBytes = maxDecodedBytes,
): DecodedBody {
  return decodeBodyCodings(body, storedBodyCodings(contentEncoding, headers), maxBytes);
}

function decodeBodyCodings(body: Buffer, codings: BodyCoding[], maxBytes: number): DecodedBody {
  // No body has nothing to undo (a GET sent with the headers of a compressed POST), rather than data that ends early.
  if (codings.length === 0 || body.length === 0) return { body: null, note: null };
  let current = body;
  let endedEarly: string | null = null;
  try {
    for (const { coding, header } of [...codings].reverse()) {
      let undone: Buffer | null;
      try {
        undone = undoCoding(coding, current, maxBytes, false);
      } catch (error) {
        if (!endsEarly(error)) throw error;
        // A body cut off (a truncated capture keeps only its first bytes) still decodes up to where it stops.
        undone = undoCoding(coding, current, maxBytes, true);
        endedEarly ??= coding;
      }
      if (undone === null)
        return {
          body: null,
          note: `${header} "${coding}" is not supported; showing the bytes as received.`,
        };
      current = undone;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const tooBig = /maxOutputLength|buffer|larger/i.test(message);
    return {
      body: null,
      ...(tooBig ? { overCap: true as const } : {}),
      note: tooBig
        ? `Decoded body would exceed ${maxBytes / 1024 / 1024} MB; not expanded (possible compression bomb).`
        : `Could not undo ${codingsNamed(codings)}: ${message}. Showing the bytes as received.`,
    };
  }
  const note =
    endedEarly === null
      ? null
      : `The body's ${endedEarly} data ends early (the body was cut off, by the size limit or by its sender): showing what the bytes received decode to.`;
  return { body: current, note };
}

/** `Content-Encoding "gzip"`, `Transfer-Encoding "gzip"` or both, as the headers named the codings. */
function codingsNamed(codings: BodyCoding[]): string {
  return (['Content-Encoding', 'Transfer-Encoding'] as const)
    .map((header) => [header, codings.filter((c) => c.header === header).map((c) => c.coding)] as const)
    .filter(([, named]) => named.length > 0)
    .map(([header, named]) => `${header} "${named.join(', ')}"`)
    .join(' and ');
}

/**
 * One coding undone; null when it is not one Hookscope knows. With `upToEnd`, a stream that stops short gives what it
 * decodes to so far instead of failing (zstd has no such mode and still fails).
 */
function undoCoding(coding: string, input: Buffer, maxBytes: number, upToEnd: boolean): Buffer | null {
  const zlibFlush = upToEnd ? { finishFlush: constants.Z_SYNC_FLUSH } : {};
  const opts = { maxOutputLength: maxBytes, ...zlibFlush };
  if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(input, opts);
  if (coding === 'deflate') return inflateOrRaw(input, opts);
  if (coding === 'br') {
    const brotliFlush = upToEnd ? { finishFlush: constants.BROTLI_OPERATION_FLUSH } : {};
    return brotliDecompressSync(input, { maxOutputLength: maxBytes, ...brotliFlush });
  }
  if (coding === 'zstd') return zstdDecompressSync(input, { maxOutputLength: maxBytes });
  return null;
}

/** zlib's error for compressed data that stops before its end (the data up to there was valid). */
const endsEarly = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'Z_BUF_ERROR' &&
  /unexpected end of file/i.test(error instanceof Error ? error.message : '');

function inflateOrRaw(body: Buffer, opts: { maxOutputLength: number; finishFlush?: number }): Buffer {
  try {
    return inflateSync(body, opts);
  } catch (zlibError) {
    try {
      return inflateRawSync(body, opts);
    } catch (rawError) {
      // A zlib stream cut short is no raw stream either: say it ended early, not what raw deflate made of it.
      throw endsEarly(zlibError) ? zlibError : rawError;
    }
  }
}

/**
 * Text for the full-text index, only the first part of large bodies: in the charset the Content-Type header declares
 * when the bytes are valid in it, else valid-looking UTF-8.
 */
export function indexableText(
  body: Buffer,
  contentType: string | null = null,
  maxBytes = searchedBodyBytes,
): string {
  const slice = body.subarray(0, maxBytes);
  const declared = declaredCharsetText(slice, contentType, { prefix: slice.length < body.length });
  if (declared !== null) return declared;
  if (slice.includes(0)) return '';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(slice);
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  return replacements > text.length / 20 ? '' : text;
}

/**
 * A multipart body as the index should see it: each text field as `name: value`, each file by its field name,
 * filename and type (its bytes are not text). Null when the body is not readable as multipart.
 */
export function indexableMultipartText(
  body: Buffer,
  contentType: string | null,
  maxBytes = searchedBodyBytes,
): string | null {
  if (body.length > LIMITS.maxParseBytes) return null;
  const multipart = multipartFields(body, contentType);
  if (!multipart || multipart.fields.length + multipart.files.length === 0) return null;
  const lines: string[] = [];
  let size = 0;
  const add = (line: string) => {
    if (size >= maxBytes) return;
    const kept = line.slice(0, maxBytes - size);
    lines.push(kept);
    size += kept.length + 1;
  };
  for (const f of multipart.files)
    add([f.name, f.filename, f.contentType].filter((v) => v !== null).join(' '));
  for (const [name, value] of multipart.fields) add(`${name}: ${value}`);
  return lines.join('\n');
}
