import { utf8DecodeStrict } from '../send/bytes';

/**
 * A header value as a person reads it. Node hands header bytes over as Latin-1 (one character per byte), which is what
 * is stored, so a sender's UTF-8 `café` arrives as `cafÃ©`. When the bytes are valid UTF-8 with something beyond ASCII,
 * this gives the UTF-8 text; anything else is returned as it is. The stored value stays byte-exact for replays.
 */
export function headerValueText(value: string): { text: string; utf8: boolean } {
  let wide = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) return { text: value, utf8: false };
    if (code >= 0x80) wide = true;
  }
  if (!wide) return { text: value, utf8: false };
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) bytes[i] = value.charCodeAt(i);
  const text = utf8DecodeStrict(bytes);
  return text === null ? { text: value, utf8: false } : { text, utf8: true };
}

/**
 * Header pairs as a person reads them (`headerValueText` on each value): for exports, whose header values are text.
 * Valid UTF-8 bytes become their text; any other bytes stay one Latin-1 character per byte.
 */
export function headersText(pairs: Array<[string, string]>): Array<[string, string]> {
  return pairs.map(([name, value]) => [name, headerValueText(value).text]);
}

/**
 * The stored (Latin-1) form of `text` sent as UTF-8 bytes: the value `headerValueText` reads back as `text`. Lets a
 * value a person typed match the header as it was stored.
 */
export function headerValueAsUtf8Stored(text: string): string {
  let stored = '';
  for (const byte of new TextEncoder().encode(text)) stored += String.fromCharCode(byte);
  return stored;
}
