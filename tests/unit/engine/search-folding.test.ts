import { describe, expect, it } from 'vitest';
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
