import { charsetOf, utf16BomEncodingOf, xmlEncodingOf } from '../../../electron/shared/decode/charset';

/** Chromium's native decoder (Chromium 140+, so every Electron this app ships with); not yet in TypeScript's lib. */
const fromBase64 = (Uint8Array as { fromBase64?: (base64: string) => Uint8Array }).fromBase64;

export function base64ToBytes(base64: string): Uint8Array {
  // One native pass: atob and a loop over its binary string took 70 ms of a 10 MB body on the main thread.
  if (fromBase64) return fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export interface TextOptions {
  /**
   * The bytes are the first of a longer body, so they may end inside a character: that cut character is left out
   * instead of making the whole text binary.
   */
  prefix?: boolean;
}

/** UTF-8 text, or null when the bytes are not valid UTF-8 (or contain NULs): treat as binary. */
export function bytesToText(bytes: Uint8Array, { prefix = false }: TextOptions = {}): string | null {
  try {
    // Streaming leaves an unfinished character out; a fresh decoder so no state carries over to the next call.
    const text = prefix
      ? new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
      : strict.decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

export function bytesToTextLenient(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}

export interface BodyText {
  /** The text, or null when the bytes are not text in that charset (or contain NULs): show them as binary. */
  text: string | null;
  /** The WHATWG encoding the text was decoded with (`TextDecoder.encoding`: `utf-8`, `windows-1252`, …). */
  encoding: string | null;
  /** The charset a UTF-16 byte-order mark (or else the Content-Type, or else an XML declaration) declared, or null. */
  declared: string | null;
  /** Where `declared` was found. */
  declaredIn: 'the byte-order mark' | 'Content-Type' | 'the XML declaration' | null;
  /** The declared charset is not one TextDecoder knows, so UTF-8 was tried instead. */
  unknownCharset: boolean;
}

/**
 * A body's text in the charset its UTF-16 byte-order mark names, else its Content-Type declares (any WHATWG
 * encoding: iso-8859-1 and windows-1252, utf-16, shift_jis, …), else UTF-8, as the engine's decoding reads it. Decoding is strict: bytes that are not valid in that charset stay binary.
 */
export function bodyText(
  bytes: Uint8Array,
  contentType: string | null | undefined,
  options: TextOptions = {},
): BodyText {
  const fromBom = utf16BomEncodingOf(bytes);
  const fromHeader = charsetOf(contentType);
  const declared = fromBom ?? fromHeader ?? xmlEncodingOf(bytes);
  const declaredIn =
    declared === null
      ? null
      : fromBom !== null
        ? 'the byte-order mark'
        : fromHeader !== null
          ? 'Content-Type'
          : 'the XML declaration';
  let decoder: TextDecoder | null = null;
  if (declared !== null) {
    try {
      decoder = new TextDecoder(declared, { fatal: true });
    } catch {
      // RangeError: an unknown label, or one WHATWG maps to "replacement" (iso-2022-kr, …).
    }
  }
  const unknownCharset = declared !== null && decoder === null;
  if (decoder === null || decoder.encoding === 'utf-8') {
    const text = bytesToText(bytes, options);
    return { text, encoding: text === null ? null : 'utf-8', declared, declaredIn, unknownCharset };
  }
  try {
    const text = decoder.decode(bytes, { stream: options.prefix === true });
    if (!text.includes('\0'))
      return { text, encoding: decoder.encoding, declared, declaredIn, unknownCharset };
  } catch {
    /* not valid in the declared charset */
  }
  return { text: null, encoding: null, declared, declaredIn, unknownCharset };
}
