import type { ReactNode } from 'react';
import { searchWordPieces } from '../../../electron/shared/cjk-bigrams';
import { searchTerms } from '../../../electron/shared/search-terms';
import { foldWithOffsets } from '../lib/search-folding-offsets';
import { VisibleText } from './VisibleText';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds what a search looks for in a text, as the search index reads both (see `searchPattern`). */
export interface SearchMatcher {
  test(text: string): boolean;
  /** The [start, end) of each match in `text`, in order. */
  ranges(text: string): Array<[number, number]>;
}

/**
 * What the search looks for, read as the search reads it (see `Highlight`), or null when it looks for nothing. Text is
 * matched as the index reads it: case, diacritics, ß and full-width forms folded (`strasse` marks `Straße`, `muller`
 * `Müller`), and a word mixing CJK with other letters or digits (`東京2024`) is looked for by its pieces, as the index
 * finds it.
 */
const trailingMarks = /(?![\u3099\u309a])\p{M}+/uy;
/**
 * What may not follow a match: the rest of one character's decomposition, which folding keeps (the voicing mark of
 * `ぎ`, the vowel and final jamo of `각`). `かき` stopping before the mark of `ぎ` is a character the search never reads
 * as the query's. Letters folding spells out (ß as `ss`, æ as `ae`) are letters of their own, so a match may end
 * between them.
 */
const insideDecomposition = '(?![\\u3099\\u309a\\u1160-\\u11ff])';

export function searchPattern(query: string): SearchMatcher | null {
  const wanted = searchTerms(query).filter((t) => !t.excluded);
  if (wanted.length === 0) return null;
  // A phrase's words match across any run of whitespace (a line break in a pretty-printed body); longer terms go
  // first so a phrase is not cut short by one of its own words.
  const patterns = wanted
    .flatMap((t) => (t.quoted ? null : searchWordPieces(t.text.trim())) ?? [t.text.trim()])
    .map((t) => foldWithOffsets(t).folded)
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(/\s+/).map(escapeRegExp).join('\\s+'));
  const source = `(?:${patterns.join('|')})${insideDecomposition}`;
  const ranges = (text: string): Array<[number, number]> => {
    const { folded, source: from } = foldWithOffsets(text);
    const found: Array<[number, number]> = [];
    for (const match of folded.matchAll(new RegExp(source, 'gi'))) {
      if (match[0] === '') continue;
      const end = match.index + match[0].length;
      const range: [number, number] = from ? [from[match.index]![0], from[end - 1]![1]] : [match.index, end];
      // The marks the folding left out after the last letter (an Arabic vowel, a Hebrew point) belong to it.
      trailingMarks.lastIndex = range[1];
      if (trailingMarks.test(text)) range[1] = trailingMarks.lastIndex;
      const last = found[found.length - 1];
      // Two matches inside one folded character (the two s of ß) mark it once.
      if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
      else found.push(range);
    }
    return found;
  };
  return { test: (text) => ranges(text).length > 0, ranges };
}

/**
 * Marks case-insensitive occurrences of what the search looks for, read as the search reads it: a `"phrase"` is one
 * run, both sides of an `OR` are marked, and neither `-excluded` words nor the `OR`/`AND` operators are. Output is
 * React text, never markup; invisible and direction-changing characters are shown by their code points.
 */
export function Highlight({ text, query }: { text: string; query: string }) {
  const ranges = text.length === 0 ? [] : (searchPattern(query)?.ranges(text) ?? []);
  if (ranges.length === 0) return <VisibleText text={text} />;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(<VisibleText key={`t${start}`} text={text.slice(at, start)} />);
    parts.push(
      <mark key={`m${start}`} className="hl">
        <VisibleText text={text.slice(start, end)} />
      </mark>,
    );
    at = end;
  }
  parts.push(<VisibleText key="end" text={text.slice(at)} />);
  return <>{parts}</>;
}
