import { Fragment } from 'react';
import { VisibleText } from './VisibleText';

/**
 * Marks case-insensitive occurrences of the search words. Output is React text, never markup; invisible and
 * direction-changing characters are shown by their code points.
 */
export function Highlight({ text, query }: { text: string; query: string }) {
  const words = query
    .split(/\s+/)
    .map((w) => w.replace(/^["']|["']$/g, '').replace(/\*+$/, ''))
    .filter((w) => w.length > 0 && !/^(AND|OR|NOT)$/.test(w));
  if (words.length === 0 || text.length === 0) return <VisibleText text={text} />;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(${escaped.join('|')})`, 'gi');
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
