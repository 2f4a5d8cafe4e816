import { charsetOf, utf16BomEncodingOf } from '../../shared/decode/charset';
import { withLoneSurrogatesStandIn } from './lone-surrogates';

/**
 * `redact` applied to a UTF-16 body (its byte-order mark, else its Content-Type's charset, says so) as UTF-8, the
 * result written back in the same UTF-16 (byte-order mark and all). Null when the body is not UTF-16 text or nothing
 * in it was redacted, so the caller reads it as it would any other (a body labelled UTF-16 may be UTF-8 after all).
 * `redact` is to read its bytes as UTF-8 whatever the charset says (the caller passes it the media type alone).
 * The body is read code unit by code unit, so a lone surrogate or an odd trailing byte (which a strict decoder
 * refuses) still has its secrets redacted and comes back as sent.
 */
export function redactUtf16(
  body: Buffer,
  contentType: string | null,
  redact: (utf8: Buffer) => Buffer,
): Buffer | null {
  const encoding = utf16EncodingOf(body, contentType);
  if (encoding === null) return null;
  const wholeUnits = body.subarray(0, body.length - (body.length % 2));
  const oddTrailingByte = body.subarray(wholeUnits.length);
  const redacted = withLoneSurrogatesStandIn(codeUnitsOf(wholeUnits, encoding), (text) => {
    const utf8 = Buffer.from(text, 'utf8');
    const result = redact(utf8);
    return result === utf8 ? null : result.toString('utf8');
  });
  // With more lone surrogates than stand-ins the body is left out rather than leaked.
  if (redacted === undefined) return Buffer.alloc(0);
  if (redacted === null) return null;
  return Buffer.concat([bytesOf(redacted, encoding), oddTrailingByte]);
}

function codeUnitsOf(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  return (encoding === 'utf-16le' ? bytes : Buffer.from(bytes).swap16()).toString('utf16le');
}

function bytesOf(text: string, encoding: 'utf-16le' | 'utf-16be'): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? bytes : bytes.swap16();
}

function utf16EncodingOf(body: Buffer, contentType: string | null): 'utf-16le' | 'utf-16be' | null {
  const declared = utf16BomEncodingOf(body) ?? charsetOf(contentType);
  if (declared === null) return null;
  try {
    const encoding = new TextDecoder(declared).encoding;
    return encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : null;
  } catch {
    return null;
  }
}
