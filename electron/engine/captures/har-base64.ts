/**
 * The bytes of HAR text marked `encoding: "base64"`, or null when it is not base64: Buffer.from skips every character
 * it cannot read, so `{"a":1}` marked base64 by mistake became three stray bytes, silently. Line breaks and spaces
 * (wrapped output), missing padding and the URL-safe alphabet are read as base64 tools read them.
 */
export function harBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return null;
  if (compact.replace(/=+$/, '').length % 4 === 1) return null;
  return Buffer.from(compact, 'base64');
}

/** The warning for text marked base64 that is not, stored as the text itself (its UTF-8 bytes) so nothing is lost. */
export const notBase64Note = 'marked encoding "base64" but is not base64; stored as the text itself (UTF-8)';
