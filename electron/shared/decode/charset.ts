import { headerParam } from './header-param';

/** The `charset` parameter of a Content-Type header (unquoted, lower-cased), or null when there is none. */
export function charsetOf(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  return (
    headerParam(contentType, (name) => name === 'charset')
      ?.trim()
      .toLowerCase() || null
  );
}

/**
 * The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), lower-cased, or null. The
 * declaration was readable as ASCII, so one naming UTF-16 is wrong about these bytes and is ignored.
 */
export function xmlEncodingOf(bytes: Uint8Array): string | null {
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f) return null;
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 256); i++) head += String.fromCharCode(bytes[i]!);
  const match = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  const encoding = match?.[1]!.toLowerCase() ?? null;
  return encoding === null || encoding.startsWith('utf-16') ? null : encoding;
}

/** The UTF-16 encoding a byte-order mark names, or null. As in browsers, it outweighs any declared charset. */
export function utf16BomEncodingOf(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/**
 * The body's text in the charset its UTF-16 byte-order mark names, else its Content-Type declares (else its XML
 * declaration), when that is a charset other than UTF-8 (iso-8859-1, windows-1252, utf-16le/be, shift_jis, …) and
 * the bytes are valid in it without NULs. Null otherwise: read it as UTF-8.
 */
export function declaredCharsetText(
  bytes: Uint8Array,
  contentType: string | null | undefined,
  /** The bytes are the first of a longer body: a character cut at the end is left out. */
  { prefix = false }: { prefix?: boolean } = {},
): string | null {
  const declared = utf16BomEncodingOf(bytes) ?? charsetOf(contentType) ?? xmlEncodingOf(bytes);
  if (declared === null) return null;
  try {
    const decoder = new TextDecoder(declared, { fatal: true });
    if (decoder.encoding === 'utf-8') return null;
    const text = decoder.decode(bytes, { stream: prefix });
    return text.includes('\0') ? null : text;
  } catch {
    // An unknown label (or one WHATWG maps to "replacement"), or bytes not valid in that charset.
    return null;
  }
}

/** The Content-Type header as sent (with its charset and boundary); captures' own field may hold only the media type. */
export function contentTypeHeaderOf(
  headers: ReadonlyArray<readonly [string, string]> | undefined,
  fallback: string | null,
): string | null {
  return headers?.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? fallback;
}
