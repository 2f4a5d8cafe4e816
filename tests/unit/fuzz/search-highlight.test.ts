import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchWordPieces } from '../../../electron/shared/cjk-bigrams';
import { searchPattern } from '../../../renderer/src/components/Highlight';
import { foldWithOffsets } from '../../../renderer/src/lib/search-folding-offsets';

const fold = (text: string) => foldWithOffsets(text).folded;
const oneSpace = (text: string) => text.replace(/\s+/g, ' ');

/** Characters whose folding is one of the query characters below, or that folding removes. */
const textChar = fc.constantFrom(
  'a',
  'A',
  'ａ',
  'Ａ',
  'ä',
  's',
  'S',
  'ß',
  'ẞ',
  'ﬁ',
  'i',
  '2',
  '２',
  ' ',
  '\n',
  '\u00ad',
  '\u200d',
  '\u200b',
  '東',
  '京',
  '😀',
  '"',
  '-',
  'é',
  'e',
  'É',
  'ά',
  'Α',
  'ب',
  'َ',
);
const anyText = fc.oneof(
  fc.string({ unit: textChar, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const queryWord = fc
  .string({
    unit: fc.constantFrom('a', 's', 'e', 'fi', 'ss', '2', '東', '京', 'u', 'α', 'ب'),
    minLength: 1,
    maxLength: 6,
  })
  .filter((w) => !['or', 'and', 'not'].includes(w));
const anyQuery = fc.oneof(
  fc.array(queryWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
  fc.array(queryWord, { minLength: 1, maxLength: 3 }).map((words) => `"${words.join(' ')}"`),
  fc.string({ unit: textChar, maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);

/**
 * Spellings the index reads as the same character: case, full width, marks in any script, ß for ss, a hidden soft
 * hyphen.
 */
const variants: Record<string, string[]> = {
  a: ['a', 'A', 'ａ', 'Ａ', 'ä', 'á'],
  s: ['s', 'S', 'ｓ'],
  e: ['e', 'E', 'é', 'È', 'ｅ'],
  u: ['u', 'U', 'ü', 'ｕ'],
  '2': ['2', '２'],
  fi: ['fi', 'FI', 'ﬁ'],
  ss: ['ss', 'SS', 'ß', 'ẞ'],
  東: ['東'],
  京: ['京'],
  α: ['α', 'Α', 'ά', 'Ά'],
  ب: ['ب', 'بَ', 'بِّ'],
};
const wordParts = fc.array(fc.constantFrom(...Object.keys(variants)), { minLength: 1, maxLength: 6 });
const spelled = (parts: string[]) =>
  fc
    .tuple(...parts.map((p) => fc.tuple(fc.constantFrom(...variants[p]!), fc.constantFrom('', '', '\u00ad'))))
    .map((chars) => chars.map(([c, hidden], i) => (i === 0 ? c : hidden + c)).join(''));

describe('search highlighting (fuzzed)', () => {
  it('ranges lie within the text, in order, apart, and on whole characters', () => {
    fc.assert(
      fc.property(anyText, anyQuery, (text, query) => {
        const ranges = searchPattern(query)?.ranges(text) ?? [];
        let last = 0;
        for (const [start, end] of ranges) {
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          for (const edge of [start, end])
            expect(
              /[\udc00-\udfff]/.test(text[edge] ?? '') && /[\ud800-\udbff]/.test(text[edge - 1] ?? ''),
            ).toBe(false);
          last = end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every marked range, folded, holds a folded query term (or CJK-mixed piece)', () => {
    fc.assert(
      fc.property(anyText, fc.array(queryWord, { minLength: 1, maxLength: 3 }), (text, words) => {
        const terms = words
          .flatMap((w) => searchWordPieces(w) ?? [w])
          .map((t) => oneSpace(fold(t)).toLowerCase());
        for (const [start, end] of searchPattern(words.join(' '))?.ranges(text) ?? []) {
          const marked = oneSpace(fold(text.slice(start, end)));
          expect(terms.some((t) => marked.includes(t))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a word written in any spelling the index folds together is marked whole, piece by piece', () => {
    fc.assert(
      fc.property(
        wordParts.chain((parts) => fc.tuple(fc.constant(parts.join('')), spelled(parts))),
        fc.string({ unit: textChar, maxLength: 10 }),
        fc.string({ unit: textChar, maxLength: 10 }),
        ([word, spelling], before, after) => {
          const text = `${before} ${spelling} ${after}`;
          const start = before.length + 1;
          const end = start + spelling.length;
          const pieces = (searchWordPieces(word) ?? [word]).map(fold);
          const inside = (searchPattern(word)?.ranges(text) ?? []).filter(([s, e]) => s < end && e > start);
          // The spelling is covered by consecutive ranges (apart only by a hidden soft hyphen between two pieces), each
          // of which folds to one of the word's pieces.
          expect(inside[0]?.[0]).toBe(start);
          expect(inside[inside.length - 1]?.[1]).toBe(end);
          inside.forEach(([s, e], i) => {
            if (i > 0) expect(fold(text.slice(inside[i - 1]![1], s))).toBe('');
            expect(pieces).toContain(fold(text.slice(s, e)));
          });
          expect(inside.map(([s, e]) => fold(text.slice(s, e))).join('')).toBe(fold(word));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
