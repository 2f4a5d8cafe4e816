import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHarEntry } from '../../../electron/engine/captures/export';
import { harExactText } from '../../../electron/engine/captures/har-exact-text';
import { isSecretField, redactBody, standardRedaction } from '../../../electron/engine/captures/redaction';
import { captureDetail } from '../../helpers/capture-detail';

const visibleNames = ['name', 'note', 'id', 'city', 'täg', '名前'];
const secretNames = ['password', 'token', 'api_key', 'client_secret'];
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '/', ':', ',', '{', '}', 'é', '✓', '𝄞', '\u0000', '\n'),
    maxLength: 8,
  }),
  fc.integer(),
  fc.constant(null),
  fc.dictionary(fc.constantFrom(...visibleNames), fc.string({ unit: 'binary', maxLength: 6 }), {
    maxKeys: 2,
  }),
);
const field = fc.tuple(fc.constantFrom(...visibleNames, ...secretNames), jsonValue);
/** JSON written field by field, so a repeated key stays, compact or indented. */
const jsonText = (fields: Array<[string, unknown]>, indent: string) =>
  `{${fields.map(([k, v]) => `${indent}${JSON.stringify(k)}:${indent ? ' ' : ''}${JSON.stringify(v)}`).join(',')}${indent ? '\n' : ''}}`;

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const labelled: Array<[string, (text: string) => Buffer]> = [
  ['application/json; charset=utf-16le', utf16le],
  ['application/json; charset=UTF-16', utf16le],
  ['application/json; charset="utf-16be"', utf16be],
  ['application/json', (t) => utf16le(`\ufeff${t}`)],
  ['text/plain', (t) => utf16be(`\ufeff${t}`)],
  ['application/json; charset=utf-16le', (t) => utf16le(`\ufeff${t}`)],
];

describe('UTF-16 JSON redaction (fuzzed)', () => {
  it('replaces each secret field\'s value with "[redacted]" in the same UTF-16, every other byte as sent', () => {
    expect(visibleNames.some((n) => isSecretField(n))).toBe(false);
    expect(secretNames.every((n) => isSecretField(n))).toBe(true);
    fc.assert(
      fc.property(
        fc.array(field, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...labelled),
        fc.constantFrom('', '\n  '),
        (fields, [contentType, encode], indent) => {
          const sent = encode(jsonText(fields, indent));
          // A null holds no secret, and is kept as it is in UTF-8 JSON.
          const hidden = fields.map(([k, v]): [string, unknown] => [
            k,
            secretNames.includes(k) && v !== null ? '[redacted]' : v,
          ]);
          const redacted = redactBody(sent, contentType, null, standardRedaction);
          expect(redacted.toString('hex')).toBe(encode(jsonText(hidden, indent)).toString('hex'));
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Bytes a strict reader of each label reads as `text`: ISO-8859-1 as Latin-1 proper, the rest as WHATWG does. */
function encodedIn(text: string, charset: string): Buffer | null {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  if (charset === 'utf-16le') return utf16le(text);
  if (charset === 'utf-16be') return utf16be(text);
  if (charset === 'iso-8859-1')
    return [...text].every((c) => c.charCodeAt(0) < 256) ? Buffer.from(text, 'latin1') : null;
  const decoder = new TextDecoder(charset, { fatal: true });
  const bytes: number[] = [];
  for (const char of text) {
    const byte = [...Array(256).keys()].find((b) => {
      try {
        return decoder.decode(Uint8Array.of(b)) === char;
      } catch {
        return false;
      }
    });
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

const charsets = ['utf-8', 'iso-8859-1', 'windows-1252', 'windows-1251', 'koi8-r', 'utf-16le', 'utf-16be'];
const textChars = fc.constantFrom(
  'a',
  '"',
  'é',
  'ÿ',
  '€',
  'Ж',
  'щ',
  '中',
  '𝄞',
  '\u0085',
  '\u00a0',
  '\n',
  'Ã',
  '©',
);

describe('HAR body text (fuzzed)', () => {
  it('any bytes: text, when given, written back in the declared charset (UTF-8 when none) is those bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...charsets, null), (raw, charset) => {
        const bytes = Buffer.from(raw);
        const type = charset ? `text/plain; charset=${charset}` : 'application/json';
        const text = harExactText(bytes, type);
        if (text === null) return;
        expect(encodedIn(text.text, charset ?? 'utf-8')?.toString('hex')).toBe(bytes.toString('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('text the declared charset can hold is exported as text (never base64) that writes back to the same bytes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: textChars, minLength: 1, maxLength: 16 }),
        fc.constantFrom(...charsets),
        (sent, charset) => {
          const bytes = encodedIn(sent, charset);
          fc.pre(bytes !== null && !bytes.includes(0));
          // Under an ISO-8859-1 label, 0x80–0x9F are control codes to a strict reader and letters to WHATWG: no text
          // reads the same to both, so such a body is rightly base64.
          fc.pre(charset !== 'iso-8859-1' || !bytes!.some((b) => b >= 0x80 && b <= 0x9f));
          const type = `text/plain; charset=${charset}`;
          const entry = toHarEntry(
            captureDetail({
              headers: [['Content-Type', type]],
              contentType: type,
              bodyBase64: bytes!.toString('base64'),
            }),
            'http://127.0.0.1:8787',
            null,
          );
          const postData = entry.request.postData as { text: string; _encoding?: string };
          expect(postData._encoding).toBeUndefined();
          expect(encodedIn(postData.text, charset)?.toString('hex')).toBe(bytes!.toString('hex'));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
