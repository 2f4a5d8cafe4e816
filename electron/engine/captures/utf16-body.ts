import { charsetOf, utf16BomEncodingOf } from '../../shared/decode/charset';
import { textInCharset } from './text-in-charset';

/**
 * `redact` applied to a UTF-16 body (its byte-order mark, else its Content-Type's charset, says so) as UTF-8, the
 * result written back in the same UTF-16 (byte-order mark and all). Null when the body is not UTF-16 text or nothing
 * in it was redacted, so the caller reads it as it would any other (a body labelled UTF-16 may be UTF-8 after all).
 * `redact` is to read its bytes as UTF-8 whatever the charset says (the caller passes it the media type alone).
 */
export function redactUtf16(
  body: Buffer,
  contentType: string | null,
  redact: (utf8: Buffer) => Buffer,
): Buffer | null {
  const encoding = utf16EncodingOf(body, contentType);
  if (encoding === null) return null;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return null;
  }
  const utf8 = Buffer.from(text, 'utf8');
  const redacted = redact(utf8);
  if (redacted === utf8) return null;
  // Every string has UTF-16 bytes; should that ever fail, the body is left out rather than leaked.
  return textInCharset(redacted.toString('utf8'), encoding) ?? Buffer.alloc(0);
}

function utf16EncodingOf(body: Buffer, contentType: string | null): string | null {
  const declared = utf16BomEncodingOf(body) ?? charsetOf(contentType);
  if (declared === null) return null;
  try {
    const encoding = new TextDecoder(declared).encoding;
    return encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : null;
  } catch {
    return null;
  }
}
