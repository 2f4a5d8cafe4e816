/**
 * Text that reads the same but tokenizes differently: full-width Latin and digits (`Ｒｅｉｌｌｙ`), compatibility forms
 * such as ligatures (`ﬁ`), and invisible characters inside a word (a soft hyphen or a zero-width joiner split
 * `Rei\u00ADlly` into two tokens), ß (`Straße`, `Strasse`), Latin letters with a stroke or joined (`Łódź`,
 * `Lodz`), and marks in any script (`Αθήνα`, `αθηνα`; `שָׁלוֹם`, `שלום`). The index keeps a folded copy of such text
 * beside the original, and a search is folded the same way, so either spelling finds the other.
 */

/** Invisible inside a word: soft hyphen, zero-width non-joiner/joiner, word joiner, BOM. Removed. */
const invisible = /\u00ad|\u200c|\u200d|\u2060|\ufeff/g;
/** A zero-width space marks a break between words (Thai, Khmer): it becomes a space. */
const zeroWidthSpace = /\u200b/g;
/** German sharp s: `Straße` is as often written `Strasse`, and no Unicode folding makes one the other. */
const sharpS = /[\u00df\u1e9e]/g;
/**
 * Latin letters no decomposition takes apart, so `remove_diacritics` keeps them: `Łódź` is written `Lodz`, `Søren`
 * `Soren`, `œuvre` `oeuvre`, as readily as `Müller` is `Muller`.
 */
const plainLatin: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
};
const unfoldedLatin = /[\u0141\u0142\u00d8\u00f8\u0110\u0111\u0126\u0127\u0131\u00c6\u00e6\u0152\u0153]/g;
/**
 * Marks once decomposed, with the character they sit on: accents (`ή`, `ё`) and vowel points (Arabic, Hebrew) are
 * as often left out as written, and the tokenizer's `remove_diacritics` drops them from Latin letters only — the
 * marks of other scripts it reads as spaces, so `مَرْحَبًا` became five one-letter words. The kana voicing marks stay:
 * `が` is another syllable than `か`, not an accented one.
 */
const marked = /(\P{M}?)(?![\u3099\u309a])\p{M}+/gu;
const latin = /\p{Script=Latin}/u;
/** Where a mark may be, on its own or in a precomposed letter of another script (Greek, Cyrillic, Indic, …). */
const otherScriptMarkable = /[\u0370-\u1dff\u1f00-\u1fff]|\p{M}/u;
/** In a precomposed Latin letter. */
const latinMarkable = /[\u00c0-\u024f\u1e00-\u1eff]/u;
/** Anything the rules above or NFKC would change (ASCII never is, and is ruled out at regex speed). */
const foldable =
  /[\u00a0-\u00bf\u00ad\u00c6\u00d8\u00df\u00e6\u00f8\u0110\u0111\u0126\u0127\u0131\u0141\u0142\u0152\u0153\u1e9e\u01c4-\u01cc\u02b0-\u02ff\u1d2c-\u1dbf\u2000-\u2189\u2460-\u24ff\u3000\u3200-\u33ff\ufb00-\ufb4f\ufe10-\ufe6f\ufeff\uff00-\uffef]/;

/**
 * A run of non-ASCII characters with the character before it (a mark may sit on an ASCII letter). Marks are taken out
 * run by run: normalizing a whole 1 KB body because it holds one Greek name cost ~16× the folding itself.
 */
const nonAsciiRun = /[\0-\x7f]?[^\0-\x7f][^0-9A-Za-z]*/g;

function withoutMarks(run: string, keepLatinMarks: boolean): string {
  return run
    .normalize('NFD')
    .replace(marked, (marks, base: string) => (keepLatinMarks && latin.test(base) ? marks : base))
    .normalize('NFC');
}

function fold(text: string, keepLatinMarks: boolean): string {
  const folded = text
    .replace(invisible, '')
    .replace(zeroWidthSpace, ' ')
    .normalize('NFKC')
    .replace(sharpS, 'ss')
    .replace(unfoldedLatin, (c) => plainLatin[c]!);
  if (!otherScriptMarkable.test(folded) && !latinMarkable.test(folded)) return folded;
  return folded.replace(nonAsciiRun, (run) => withoutMarks(run, keepLatinMarks));
}

export function foldForSearch(text: string): string {
  return fold(text, false);
}

/**
 * The folded copy of `text` to index beside it, or null when folding changes nothing the index would not change
 * itself: it keeps the marks of Latin letters, which `remove_diacritics` drops (`José` needs no copy).
 */
export function foldedCopy(text: string): string | null {
  if (!foldable.test(text) && !otherScriptMarkable.test(text)) return null;
  const folded = fold(text, true);
  return folded === text ? null : folded;
}
