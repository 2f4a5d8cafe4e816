import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { Highlight } from '../../components/Highlight';
import { KeyText, keyText } from '../../components/KeyText';
import { visibleAttribute } from '../../components/VisibleText';
import { formatCount } from '../../lib/format';
import { headerValueText } from '../../../../electron/shared/decode/header-text';
import { headersCopyText } from './fields-copy-text';
import { scrollParent } from './scroll-parent';

/** Rows shown at first, and added per "Show more". */
export const PAIRS_PAGE = 1_000;

/** Name/value rows exactly as received: order, case and duplicates kept. */
export function PairsTable({
  pairs,
  query = '',
  empty,
  label,
  one,
  headerValues = false,
  caseSensitiveNames = false,
  copyFormat = headersCopyText,
  unread,
  noEquals,
}: {
  pairs: Array<[string, string]>;
  query?: string;
  empty: string;
  /** What the pairs are, plural ("headers"); `one` is the singular. */
  label: string;
  one: string;
  /** HTTP header values (Latin-1 as Node reads them): UTF-8 sent as such is shown, and copied, as its text. */
  headerValues?: boolean;
  /** Names that differ in case are different names (query parameters, form fields), not one sent twice as for headers. */
  caseSensitiveNames?: boolean;
  copyFormat?: (pairs: Array<[string, string]>) => string;
  /** Given when the pairs are the first of more not yet read: "Show more" calls it to read the next page. */
  unread?: () => void;
  /** By index: the field was written with no `=` (`?flag`), not with an empty value (`?flag=`). */
  noEquals?: readonly boolean[];
}) {
  const [limit, setLimit] = useState(PAIRS_PAGE);
  const tbody = useRef<HTMLTableSectionElement>(null);
  // The table scrolls with what is around it (the detail pane's body), so the rows start some way down that scroller.
  // Undefined until looked for; null when nothing around it scrolls, and then every row is drawn.
  const [scroller, setScroller] = useState<{ element: HTMLElement; margin: number } | null>();
  useLayoutEffect(() => {
    const rows = tbody.current;
    if (!rows) return;
    const element = scrollParent(rows);
    if (!element) return setScroller(null);
    const margin = rows.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop;
    setScroller((s) => (s?.element === element && s.margin === margin ? s : { element, margin }));
  });
  const virtualizer = useVirtualizer({
    count: Math.min(limit, pairs.length),
    getScrollElement: () => scroller?.element ?? null,
    // A one-line row (its Copy button sets the height); longer values wrap, and are measured once drawn.
    estimateSize: () => 33,
    overscan: 20,
    scrollMargin: scroller?.margin ?? 0,
    // The first screenful, drawn before the scroller is found.
    initialRect: { width: 0, height: 1_000 },
  });
  const shown = useMemo<Shown>(
    () =>
      headerValues
        ? pairs.map(([k, v]) => [k, headerValueText(v)] as const)
        : pairs.map(([k, v]) => [k, { text: v, utf8: false }] as const),
    [pairs, headerValues],
  );
  const counts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const [k] of pairs) {
      const key = nameKey(k, caseSensitiveNames);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }, [pairs, caseSensitiveNames]);
  if (pairs.length === 0) return <div className="muted pad">{empty}</div>;
  const drawn = shown.slice(0, limit);
  const rows =
    scroller === null
      ? drawn.map((_, index) => ({ index, start: 0, end: 0 }))
      : virtualizer.getVirtualItems();
  const margin = scroller?.margin ?? 0;
  const above = scroller && rows.length ? rows[0]!.start - margin : 0;
  const below =
    scroller && rows.length ? virtualizer.getTotalSize() - (rows[rows.length - 1]!.end - margin) : 0;
  return (
    <div className="pairs">
      <div className="pairs-toolbar">
        <span className="muted">{formatCount(pairs.length, one, label)}</span>
        <CopyButton
          text={() => copyFormat(shown.map(([k, v]) => [k, v.text]))}
          label="Copy all"
          name={`Copy all ${label}`}
          title={`Copy all ${label}`}
        />
      </div>
      {/* Only the rows on screen are in the DOM: aria-rowcount and aria-rowindex tell assistive technology where they are. */}
      <table className="pairs-table" aria-label={label} aria-rowcount={drawn.length}>
        <tbody ref={tbody}>
          {above > 0 && <Spacer height={above} />}
          {rows.map((row) => (
            <PairRow
              key={row.index}
              index={row.index}
              measure={virtualizer.measureElement}
              name={shown[row.index]![0]}
              value={shown[row.index]![1]}
              received={pairs[row.index]![1]}
              dupe={(counts.get(nameKey(shown[row.index]![0], caseSensitiveNames)) ?? 0) > 1}
              noEquals={noEquals?.[row.index] ?? false}
              query={query}
            />
          ))}
          {below > 0 && <Spacer height={below} />}
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

const nameKey = (name: string, caseSensitive: boolean) => (caseSensitive ? name : name.toLowerCase());

type Shown = ReadonlyArray<readonly [string, { text: string; utf8: boolean }]>;

/** Stands in for the rows scrolled out of view, so the scrollbar covers them all. */
function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="pairs-spacer">
      <td colSpan={4} style={{ height }} />
    </tr>
  );
}

function PairRow({
  index,
  measure,
  name: k,
  value: v,
  received,
  dupe,
  noEquals,
  query,
}: {
  index: number;
  measure: (row: HTMLTableRowElement | null) => void;
  name: string;
  value: { text: string; utf8: boolean };
  /** The value as received (Latin-1 for a header). */
  received: string;
  dupe: boolean;
  noEquals: boolean;
  query: string;
}) {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 1}>
      <td className="pair-index">{index + 1}</td>
      <th scope="row" className="pair-name">
        <KeyText text={k} query={query} />
        {dupe && (
          <span className="pill pill-dupe" title="Sent more than once">
            dup
          </span>
        )}
      </th>
      <td className="pair-value">
        <Highlight text={v.text} query={query} />
        {noEquals && (
          <span
            className="pill pill-no-equals"
            title="Written with no “=” (flag), not with an empty value (flag=)"
          >
            no =
          </span>
        )}
        {v.utf8 && (
          <span
            className="pill"
            title={visibleAttribute(
              `Sent as UTF-8 bytes, shown as text. Read byte by byte (Latin-1, as HTTP defines header values), it is: ${received}`,
            )}
          >
            UTF-8
          </span>
        )}
      </td>
      <td className="pair-copy">
        <CopyButton
          text={v.text}
          label="Copy"
          name={visibleAttribute(`Copy value of ${keyText(k)}`)}
          title={visibleAttribute(`Copy value of ${keyText(k)}`)}
          className="btn-ghost"
        />
      </td>
    </tr>
  );
}
