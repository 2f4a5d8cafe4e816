/** Byte helpers that work in Node and the browser alike (no Buffer in shared code). */

const encoder = new TextEncoder();

export const utf8Encode = (text: string): Uint8Array => encoder.encode(text);

/** Decode UTF-8, or `null` when the bytes are not valid UTF-8 (binary bodies). */
export function utf8DecodeStrict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Strict base64 (standard alphabet, whitespace ignored); throws naming the problem. */
export function base64ToBytes(base64: string): Uint8Array {
  const clean = base64.replace(/\s+/g, '');
  const data = clean.replace(/=+$/, '');
  // Padding may be left out (`ab`), never more than the data needs (`abcd==`); one character past a group is no byte.
  const padding = clean.length - data.length;
  const needed = (4 - (data.length % 4)) % 4;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || data.length % 4 === 1 || padding > needed) {
    throw new Error('not valid base64 (use A–Z, a–z, 0–9, + and /, padded with =)');
  }
  const binary = atob(data.padEnd(data.length + needed, '='));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const textToBase64 = (text: string) => bytesToBase64(utf8Encode(text));

/**
 * A header value as an HTTP client writes it: one character per byte (Latin-1, as Node and undici write header
 * strings). Text typed by a person is sent as its UTF-8 bytes, as curl and browsers do; ASCII is unchanged.
 */
export function headerByteString(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (const byte of utf8Encode(text)) out += String.fromCharCode(byte);
  return out;
}
