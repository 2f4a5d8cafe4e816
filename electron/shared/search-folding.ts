/**
 * Text that reads the same but tokenizes differently: full-width Latin and digits (`Ｒｅｉｌｌｙ`), compatibility forms
 * such as ligatures (`ﬁ`), and invisible characters inside a word (a soft hyphen or a zero-width joiner split
 * `Rei\u00ADlly` into two tokens), and ß (`Straße`, `Strasse`). The index keeps a folded copy of such text beside the
 * original, and a search is folded the same way, so either spelling finds the other.
 */

/** Invisible inside a word: soft hyphen, zero-width non-joiner/joiner, word joiner, BOM. Removed. */
const invisible = /\u00ad|\u200c|\u200d|\u2060|\ufeff/g;
/** A zero-width space marks a break between words (Thai, Khmer): it becomes a space. */
const zeroWidthSpace = /\u200b/g;
/** German sharp s: `Straße` is as often written `Strasse`, and no Unicode folding makes one the other. */
const sharpS = /[\u00df\u1e9e]/g;
/** Anything the rules above or NFKC would change (ASCII never is, and is ruled out at regex speed). */
const foldable =
  /[\u00a0-\u00bf\u00ad\u00df\u1e9e\u01c4-\u01cc\u02b0-\u02ff\u1d2c-\u1dbf\u2000-\u2189\u2460-\u24ff\u3000\u3200-\u33ff\ufb00-\ufb4f\ufe10-\ufe6f\ufeff\uff00-\uffef]/;

export function foldForSearch(text: string): string {
  return text.replace(invisible, '').replace(zeroWidthSpace, ' ').normalize('NFKC').replace(sharpS, 'ss');
}

/** The folded copy of `text` to index beside it, or null when folding changes nothing. */
export function foldedCopy(text: string): string | null {
  if (!foldable.test(text)) return null;
  const folded = foldForSearch(text);
  return folded === text ? null : folded;
}
