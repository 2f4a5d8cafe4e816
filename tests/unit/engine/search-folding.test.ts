import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldedCopy, foldForSearch } from '../../../electron/shared/search-folding';

describe('search folding', () => {
  it('folds width, compatibility forms and invisible characters; a zero-width space separates words', () => {
    expect(foldForSearch('Ｒｅｉｌｌｙ ＡＢＣ１２３')).toBe('Reilly ABC123');
    expect(foldForSearch('ﬁnal')).toBe('final');
    expect(foldForSearch('Mac\u00adDon\u200dald\u2060\ufeff')).toBe('MacDonald');
    expect(foldForSearch('one\u200btwo')).toBe('one two');
  });

  it('adds no copy for text folding leaves alone (ASCII, accented Latin, CJK, kana voicing marks)', () => {
    for (const text of ['plain ascii {"a":1}', 'José Müller', 'Việt', '東京都', 'かぎ', '한국어'])
      expect(foldedCopy(text)).toBeNull();
    expect(foldedCopy('name: Ｒｅｉｌｌｙ')).toBe('name: Reilly');
  });

  it('leaves out the marks of every script, in the copy and in a search', () => {
    expect(foldedCopy('Ωμέγα')).toBe('Ωμεγα');
    expect(foldedCopy('مَرْحَبًا')).toBe('مرحبا');
    expect(foldedCopy('שָׁלוֹם')).toBe('שלום');
    expect(foldedCopy('ёлка')).toBe('елка');
    expect(foldForSearch('José Αθήνα')).toBe('Jose Αθηνα');
  });
});

describe('search folding, run by run', () => {
  // Marks are taken out of the non-ASCII runs only (for speed): the result must be what folding the whole text gives.
  const marks = /(\P{M}?)(?![\u3099\u309a])\p{M}+/gu;
  const wholeText = (text: string, keepLatinMarks: boolean) =>
    text
      .normalize('NFKC')
      .normalize('NFD')
      .replace(marks, (run, base: string) => (keepLatinMarks && /\p{Script=Latin}/u.test(base) ? run : base))
      .normalize('NFC');
  const char = fc.constantFrom(
    ...[
      'a',
      'q',
      'Z',
      '7',
      ' ',
      '"',
      ',',
      '\u0301',
      '\u0308',
      '\u0306',
      'é',
      'ü',
      'ή',
      'ά',
      'Ω',
      'ё',
      'й',
      'и',
    ],
    ...['م', 'َ', 'ْ', 'ש', 'ָ', 'ׁ', 'か', '\u3099', '東', 'ệ'],
  );

  it('equals folding the whole text, for a search and for the indexed copy', () => {
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 30 }), (text) => {
        expect(foldForSearch(text)).toBe(wholeText(text, false));
        expect(foldedCopy(text) ?? text).toBe(wholeText(text, true));
      }),
      { numRuns: 2000 },
    );
  });
});
