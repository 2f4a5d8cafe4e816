import { describe, expect, it } from 'vitest';
import { rowsText } from '../../../electron/shared/send/rows-text';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: Array<string | number>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...utf8(p)])));

describe('rowsText', () => {
  it('keeps UTF-8 as it is, a byte-order mark and U+FFFD written in the file included', () => {
    expect(rowsText(utf8('\uFEFFname\n\uFFFD\uFFFDé\n'))).toEqual({ text: '\uFEFFname\n\uFFFD\uFFFDé\n' });
  });

  it('names the line and byte of the first that is not UTF-8, after real U+FFFD and a byte-order mark', () => {
    expect(rowsText(bytes('\uFEFFname\n\uFFFDé\n\uFFFDx', 0xe9, '\n'))).toEqual({
      error: 'not UTF-8 text: line 3 has the byte 0xE9 (save the file as UTF-8, "CSV UTF-8" in Excel)',
    });
    expect(rowsText(bytes('name\n', 0xc3, 0x28, '\n'))).toMatchObject({
      error: expect.stringContaining('line 2 has the byte 0xC3') as unknown,
    });
  });

  it('reads UTF-16 by its byte-order mark, and refuses one that is broken', () => {
    expect(rowsText(bytes(0xfe, 0xff, 0, 0x4a, 0, 0xe9))).toEqual({ text: 'Jé' });
    expect(rowsText(bytes(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00))).toEqual({
      error: 'not valid UTF-16LE text, though it starts with its byte-order mark',
    });
  });
});
