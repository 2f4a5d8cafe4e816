import { useState } from 'react';
import { Highlight } from '../../components/Highlight';
import { KeyText, keyText } from '../../components/KeyText';
import { orderedEntries, type JsonKeyOrder } from '../../../../electron/shared/decode/json-key-order';
import { isRawNumber } from '../../lib/json-normalize';

const MAX_CHILDREN = 500;
/**
 * Lines the first draw may open up to (3 levels at most): each line costs the page about 55 µs of layout, and 500
 * objects opened 3 levels deep (7,000 lines of a 47 KB body) blocked it for 400 ms. Deeper levels stay closed.
 */
const FIRST_DRAW_LINES = 600;

const isContainer = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && !isRawNumber(value);

/** How many levels to open at first: up to 3, fewer when opening the next one would draw past FIRST_DRAW_LINES. */
export function levelsToOpen(value: unknown): number {
  let level = isContainer(value) ? [value] : [];
  let lines = 1;
  for (let open = 0; open < 3; open++) {
    const next: object[] = [];
    for (const node of level) {
      const children = (Array.isArray(node) ? node : Object.values(node)).slice(0, MAX_CHILDREN);
      lines += children.length + 1;
      if (lines > FIRST_DRAW_LINES) return Math.max(open, 1);
      for (const child of children) if (isContainer(child)) next.push(child);
    }
    level = next;
  }
  return 3;
}

/** Collapsible JSON viewer. Keys and strings are React text: a `<script>` in a payload shows as the characters. */
export function JsonTree({
  value,
  query = '',
  name,
  depth = 0,
  openLevels,
  keyOrder,
}: {
  value: unknown;
  query?: string;
  name?: string;
  depth?: number;
  /** Levels open at first; the root works it out from the value's size. */
  openLevels?: number;
  /** The order the text wrote each object's keys in (see jsonKeyOrder). */
  keyOrder?: JsonKeyOrder;
}) {
  const [levels] = useState(() => openLevels ?? levelsToOpen(value));
  const [open, setOpen] = useState(depth < levels);
  const [limit, setLimit] = useState(MAX_CHILDREN);
  const label =
    name === undefined ? null : (
      <span className="json-key">
        <KeyText text={name} query={query} />
        <span className="json-punct">: </span>
      </span>
    );

  if (value === null || typeof value !== 'object' || isRawNumber(value)) {
    return (
      <div className="json-line" style={{ paddingLeft: 16 + depth * 14 }}>
        {label}
        <Scalar value={value} query={query} />
      </div>
    );
  }
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : orderedEntries(value, keyOrder);
  const [openBracket, closeBracket] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div className="json-node">
      <div className="json-line" style={{ paddingLeft: 16 + depth * 14 }}>
        <button
          type="button"
          className="json-toggle"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${name !== undefined ? keyText(name) : Array.isArray(value) ? 'array' : 'object'}`}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        {label}
        <span className="json-punct">{openBracket}</span>
        {!open && (
          <span className="json-summary">
            {' '}
            {entries.length}{' '}
            {Array.isArray(value)
              ? entries.length === 1
                ? 'item'
                : 'items'
              : entries.length === 1
                ? 'key'
                : 'keys'}{' '}
            <span className="json-punct">{closeBracket}</span>
          </span>
        )}
      </div>
      {open && (
        <>
          {entries.slice(0, limit).map(([k, v]) => (
            <JsonTree
              key={k}
              name={k}
              value={v}
              query={query}
              depth={depth + 1}
              openLevels={levels}
              keyOrder={keyOrder}
            />
          ))}
          {entries.length > limit && (
            <div className="json-line" style={{ paddingLeft: 16 + (depth + 1) * 14 }}>
              <button type="button" className="btn btn-link" onClick={() => setLimit(limit + MAX_CHILDREN)}>
                Show {Math.min(MAX_CHILDREN, entries.length - limit)} more of {entries.length - limit}…
              </button>
            </div>
          )}
          <div className="json-line" style={{ paddingLeft: 16 + depth * 14 }}>
            <span className="json-punct">{closeBracket}</span>
          </div>
        </>
      )}
    </div>
  );
}

function Scalar({ value, query }: { value: unknown; query: string }) {
  if (typeof value === 'string') {
    // As a JSON literal: inner quotes, backslashes and control characters escaped, as they were sent.
    return (
      <span className="json-string">
        <Highlight text={JSON.stringify(value)} query={query} />
      </span>
    );
  }
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (isRawNumber(value)) return <span className="json-number">{value.rawJSON}</span>;
  if (typeof value === 'boolean') return <span className="json-bool">{String(value)}</span>;
  return <span className="json-null">null</span>;
}
