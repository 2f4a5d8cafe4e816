import { searchedBodyBytes } from '../../shared/contract/captures';
import { LIMITS } from '../../shared/decode/body';
import { declaredCharsetText } from '../../shared/decode/charset';
import { multipartFields } from '../../shared/decode/multipart';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, zstdDecompressSync } from 'node:zlib';

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
  if (!contentEncoding) return { body: null, note: null };
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  if (codings.length === 0) return { body: null, note: null };
  let current = body;
  try {
    for (const coding of codings.reverse()) {
      const opts = { maxOutputLength: maxBytes };
      if (coding === 'gzip' || coding === 'x-gzip') current = gunzipSync(current, opts);
      else if (coding === 'deflate') current = inflateOrRaw(current, opts);
      else if (coding === 'br') current = brotliDecompressSync(current, opts);
      else if (coding === 'zstd') current = zstdDecompressSync(current, opts);
      else
        return {
          body: null,
          note: `Content-Encoding "${coding}" is not supported; showing the bytes as received.`,
        };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const tooBig = /maxOutputLength|buffer|larger/i.test(message);
    return {
      body: null,
      ...(tooBig ? { overCap: true as const } : {}),
      note: tooBig
        ? `Decoded body would exceed ${maxBytes / 1024 / 1024} MB; not expanded (possible compression bomb).`
        : `Could not undo Content-Encoding "${contentEncoding}": ${message}. Showing the bytes as received.`,
    };
  }
  return { body: current, note: null };
}

function inflateOrRaw(body: Buffer, opts: { maxOutputLength: number }): Buffer {
  try {
    return inflateSync(body, opts);
  } catch {
    return inflateRawSync(body, opts);
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
