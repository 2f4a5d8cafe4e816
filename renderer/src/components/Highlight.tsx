import { Fragment } from 'react';
import { searchTerms } from '../../../electron/shared/search-terms';
import { VisibleText } from './VisibleText';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the search looks for as one case-insensitive pattern, read as the search reads it (see `Highlight`), or null
 * when it looks for nothing.
 */
export function searchPattern(query: string, flags = 'i'): RegExp | null {
  const wanted = searchTerms(query).filter((t) => !t.excluded);
  if (wanted.length === 0) return null;
  // A phrase's words match across any run of whitespace (a line break in a pretty-printed body); longer terms go
  // first so a phrase is not cut short by one of its own words.
  const patterns = wanted
    .map((t) => t.text.trim())
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(/\s+/).map(escapeRegExp).join('\\s+'));
  return new RegExp(`(${patterns.join('|')})`, flags);
}

/**
 * Marks case-insensitive occurrences of what the search looks for, read as the search reads it: a `"phrase"` is one
 * run, both sides of an `OR` are marked, and neither `-excluded` words nor the `OR`/`AND` operators are. Output is
 * React text, never markup; invisible and direction-changing characters are shown by their code points.
 */
export function Highlight({ text, query }: { text: string; query: string }) {
  const re = text.length === 0 ? null : searchPattern(query, 'gi');
  if (re === null) return <VisibleText text={text} />;
  const parts = text.split(re);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="hl">
            <VisibleText text={part} />
          </mark>
        ) : (
          <Fragment key={i}>
            <VisibleText text={part} />
          </Fragment>
        ),
      )}
    </>
  );
}
