import { foldForSearch } from '../../../electron/shared/search-folding';

/**
 * One character as the search index reads it: folded (see search-folding.ts; marks left out), lower case, and
 * decomposed, so a precomposed `が` in a query meets the `か` and voicing mark of decomposed text one by one.
 */
function foldChar(char: string): string {
  if (char.charCodeAt(0) < 0x80) return char.toLowerCase();
  return foldForSearch(char).normalize('NFD').toLowerCase();
}

/** Text folded as the search index reads it; `source` maps a folded position back to its characters, if moved. */
export interface FoldedText {
  folded: string;
  /** For each UTF-16 position of `folded`, the [start, end) of the character of the text it came from. */
  source: Array<[number, number]> | null;
}

export function foldWithOffsets(text: string): FoldedText {
  // eslint-disable-next-line no-control-regex -- ASCII only: folding moves nothing
  if (/^[\x00-\x7f]*$/.test(text)) return { folded: text.toLowerCase(), source: null };
  let folded = '';
  const source: Array<[number, number]> = [];
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const piece = foldChar(char);
    for (let k = 0; k < piece.length; k++) source.push([i, i + char.length]);
    folded += piece;
    i += char.length;
  }
  return { folded, source };
}
