import { utf8Encode } from './bytes';

/**
 * A rows file's bytes as text: UTF-8 (with or without a byte-order mark), or UTF-16 with its byte-order mark (Excel's
 * "Unicode Text"). Anything else is refused, saying where: read as UTF-8 anyway, a Latin-1 "José" went out as
 * "Jos\uFFFD" in every row sent. `error` names neither the file nor the field; the caller does.
 */
export function rowsText(bytes: Uint8Array): { text: string } | { error: string } {
  const encoding = rowsEncoding(bytes);
  const utf16 = encoding === 'utf-8' ? null : encoding;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { error: `not valid ${utf16.toUpperCase()} text, though it starts with its byte-order mark` };
    }
  }
  // The byte-order mark is kept, so offsets in the text match the bytes (the rows reader drops it).
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bad = firstInvalidUtf8(bytes, text);
  if (bad === null) return { text };
  return {
    error:
      `not UTF-8 text: line ${bad.line} has the byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} ` +
      '(save the file as UTF-8, "CSV UTF-8" in Excel)',
  };
}

/** The encoding `rowsText` reads a file in, from its first bytes: UTF-16 only with its byte-order mark. */
export function rowsEncoding(start: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Where a lenient decode put U+FFFD for bytes that are not UTF-8 (a U+FFFD written in the file is its own bytes). */
function firstInvalidUtf8(bytes: Uint8Array, text: string): { line: number; byte: number } | null {
  // Offsets move on from the last U+FFFD: a file holding many real ones is read once, not once for each.
  let offset = 0;
  let from = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    offset += utf8Encode(text.slice(from, at)).length;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
      offset += 3;
      from = at + 1;
      continue;
    }
    const line = (text.slice(0, at).match(/\n/g)?.length ?? 0) + 1;
    return { line, byte: bytes[offset]! };
  }
  return null;
}
