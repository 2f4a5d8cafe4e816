import { memo, useMemo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { Highlight } from '../../components/Highlight';
import { formatCount } from '../../lib/format';
import { headerValueText } from '../../../../electron/shared/decode/header-text';
import { ROWS_PER_FRAME, useDrawnCount } from './use-drawn-count';

/** Rows drawn at first, and added per "Show more": a 10 MB form has 100,000 fields, and drawing them all blocks the page. */
export const PAIRS_PAGE = 1_000;

/** Name/value rows exactly as received: order, case and duplicates kept. */
export function PairsTable({
  pairs,
  query = '',
  empty,
  label,
  one,
  headerValues = false,
  copyFormat = (p) => p.map(([k, v]) => `${k}: ${v}`).join('\n'),
  unread,
}: {
  pairs: Array<[string, string]>;
  query?: string;
  empty: string;
  /** What the pairs are, plural ("headers"); `one` is the singular. */
  label: string;
  one: string;
  /** HTTP header values (Latin-1 as Node reads them): UTF-8 sent as such is shown, and copied, as its text. */
  headerValues?: boolean;
  copyFormat?: (pairs: Array<[string, string]>) => string;
  /** Given when the pairs are the first of more not yet read: "Show more" calls it to read the next page. */
  unread?: () => void;
}) {
  const [limit, setLimit] = useState(PAIRS_PAGE);
  const drawing = useDrawnCount(Math.min(limit, pairs.length), PAIRS_PAGE);
  const shown = useMemo<Shown>(
    () =>
      headerValues
        ? pairs.map(([k, v]) => [k, headerValueText(v)] as const)
        : pairs.map(([k, v]) => [k, { text: v, utf8: false }] as const),
    [pairs, headerValues],
  );
  const counts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const [k] of pairs) counts.set(k.toLowerCase(), (counts.get(k.toLowerCase()) ?? 0) + 1);
    return counts;
  }, [pairs]);
  if (pairs.length === 0) return <div className="muted pad">{empty}</div>;
  const drawn = shown.slice(0, limit);
  const blocks: number[] = [];
  for (let start = 0; start < drawing; start += ROWS_PER_FRAME) blocks.push(start);
  return (
    <div className="pairs">
      <div className="pairs-toolbar">
        <span className="muted">{formatCount(pairs.length, one, label)}</span>
        <CopyButton text={() => copyFormat(shown.map(([k, v]) => [k, v.text]))} label="Copy all" />
      </div>
      <table className="pairs-table" aria-label={label}>
        <tbody>
          {blocks.map((start) => (
            <PairRows
              key={start}
              shown={shown}
              pairs={pairs}
              start={start}
              end={Math.min(start + ROWS_PER_FRAME, drawing)}
              counts={counts}
              query={query}
            />
          ))}
        </tbody>
      </table>
      {drawn.length < shown.length && (
        <div className="notice pairs-more" data-testid="pairs-more">
          Showing the first {drawn.length.toLocaleString()} of {formatCount(shown.length, one, label)}
          {unread
            ? ' read so far (the body has more); Copy all copies those read.'
            : '; Copy all copies every one.'}{' '}
          <button type="button" className="btn btn-small" onClick={() => setLimit((n) => n + PAIRS_PAGE)}>
            Show {Math.min(PAIRS_PAGE, shown.length - drawn.length).toLocaleString()} more
          </button>
        </div>
      )}
      {unread && drawn.length === shown.length && (
        <div className="notice pairs-more" data-testid="pairs-more">
          Showing the first {formatCount(shown.length, one, label)}; there are more, not read yet. Copy all
          copies these; Raw shows the whole body.{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setLimit((n) => n + PAIRS_PAGE);
              unread();
            }}
          >
            Show {PAIRS_PAGE.toLocaleString()} more
          </button>
        </div>
      )}
    </div>
  );
}

type Shown = ReadonlyArray<readonly [string, { text: string; utf8: boolean }]>;

/**
 * Rows `start` to `end`, one block of those drawn frame by frame: memoized, so that adding rows (the next frame's, or
 * a "Show more") does not re-render those already drawn.
 */
const PairRows = memo(function PairRows({
  shown,
  pairs,
  start,
  end,
  counts,
  query,
}: {
  shown: Shown;
  pairs: Array<[string, string]>;
  start: number;
  end: number;
  counts: Map<string, number>;
  query: string;
}) {
  return shown.slice(start, end).map(([k, v], j) => {
    const i = start + j;
    return (
      <tr key={i}>
        <td className="pair-index">{i + 1}</td>
        <th scope="row" className="pair-name">
          <Highlight text={k} query={query} />
          {(counts.get(k.toLowerCase()) ?? 0) > 1 && (
            <span className="pill pill-dupe" title="Sent more than once">
              dup
            </span>
          )}
        </th>
        <td className="pair-value">
          <Highlight text={v.text} query={query} />
          {v.utf8 && (
            <span
              className="pill"
              title={`Sent as UTF-8 bytes, shown as text. Read byte by byte (Latin-1, as HTTP defines header values), it is: ${pairs[i]![1]}`}
            >
              UTF-8
            </span>
          )}
        </td>
        <td className="pair-copy">
          <CopyButton text={v.text} label="Copy" title={`Copy value of ${k}`} className="btn-ghost" />
        </td>
      </tr>
    );
  });
});
