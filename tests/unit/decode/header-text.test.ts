import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerValueText } from '../../../electron/shared/decode/header-text';

const asNodeReadsIt = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('headerValueText', () => {
  it('reads UTF-8 bytes (which Node hands over as Latin-1) as the text the sender wrote', () => {
    expect(headerValueText(asNodeReadsIt(Buffer.from('café ✓ 日本')))).toEqual({
      text: 'café ✓ 日本',
      utf8: true,
    });
  });

  it('leaves ASCII, bytes that are not UTF-8, and characters beyond Latin-1 as they are', () => {
    expect(headerValueText('plain')).toEqual({ text: 'plain', utf8: false });
    expect(headerValueText(asNodeReadsIt(Uint8Array.from([0x63, 0xe9])))).toEqual({
      text: 'cé',
      utf8: false,
    });
    expect(headerValueText('ä✓')).toEqual({ text: 'ä✓', utf8: false });
  });

  it('round-trips any UTF-8 text and never throws (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const read = headerValueText(asNodeReadsIt(Buffer.from(text)));
        expect(read.text).toBe(text);
        expect(read.utf8).toBe([...text].some((c) => c.charCodeAt(0) > 0x7f));
      }),
    );
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => void headerValueText(s)));
  });
});
