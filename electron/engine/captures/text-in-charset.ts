/**
 * Text written in a declared charset, exactly as a reader decoding that charset (TextDecoder, as the app itself reads
 * bodies) gets it back; null when the charset is unknown, multi-byte legacy (shift_jis, gbk, …) or cannot hold every
 * character of the text.
 */
export function textInCharset(text: string, charset: string): Buffer | null {
  let encoding: string;
  try {
    encoding = new TextDecoder(charset).encoding;
  } catch {
    return null;
  }
  const bytes =
    encoding === 'utf-8'
      ? Buffer.from(text, 'utf8')
      : encoding === 'utf-16le'
        ? Buffer.from(text, 'utf16le')
        : encoding === 'utf-16be'
          ? Buffer.from(text, 'utf16le').swap16()
          : singleByte.has(encoding)
            ? singleByteBytes(text, encoding, narrowerThan(charset, encoding))
            : null;
  if (bytes === null) return null;
  return decodedExactly(bytes, encoding) === text ? bytes : null;
}

/**
 * The bytes read in `charset`, a byte-order mark kept as text; null when they are not valid in it or it is unknown.
 * Only UTF decoders are told to keep the mark: Node 22's windows-1252 decoder (ISO-8859-1 and ASCII labels) told so
 * drops a leading 0xFF ('ÿ'), though no single-byte charset has a byte-order mark.
 */
export function decodedExactly(bytes: Uint8Array, charset: string): string | null {
  try {
    const { encoding } = new TextDecoder(charset);
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: encoding.startsWith('utf-') }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether Hookscope can write text in this charset at all (some characters may still have no bytes in it). */
export function knownCharset(charset: string): boolean {
  try {
    const encoding = new TextDecoder(charset).encoding;
    return encoding.startsWith('utf-') || singleByte.has(encoding);
  } catch {
    return false;
  }
}

/**
 * WHATWG reads ISO-8859-x and ASCII labels as the matching Windows code page, which puts printable characters at
 * 0x80–0x9F where the ISO charsets (and a receiver reading them strictly) have control codes: bytes there, or over
 * 0x7F for ASCII, would be read differently by such a receiver, so they are not written under those labels.
 */
function narrowerThan(label: string, encoding: string): (byte: number) => boolean {
  const named = label.trim().toLowerCase();
  if (/ascii|^us$|646|367|x3\.4/.test(named)) return (byte) => byte < 0x80;
  if (encoding.startsWith('windows-') && !/windows|cp\d|1252|125\d/.test(named))
    return (byte) => byte < 0x80 || byte > 0x9f;
  return () => true;
}

function singleByteBytes(text: string, encoding: string, allowed: (byte: number) => boolean): Buffer | null {
  const table = byteOf(encoding);
  const out: number[] = [];
  for (const char of text) {
    const byte = table.get(char);
    if (byte === undefined || !allowed(byte)) return null;
    out.push(byte);
  }
  return Buffer.from(out);
}

const tables = new Map<string, Map<string, number>>();

/** Each character a single-byte charset can hold, and its byte, read from the decoder itself. */
function byteOf(encoding: string): Map<string, number> {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let byte = 0; byte < 256; byte++) {
    try {
      const char = decoder.decode(Uint8Array.of(byte));
      if (!table.has(char)) table.set(char, byte);
    } catch {
      // Not a character in this charset.
    }
  }
  tables.set(encoding, table);
  return table;
}

const singleByte = new Set([
  'ibm866',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-8-i',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'iso-8859-16',
  'koi8-r',
  'koi8-u',
  'macintosh',
  'windows-874',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'x-mac-cyrillic',
]);
