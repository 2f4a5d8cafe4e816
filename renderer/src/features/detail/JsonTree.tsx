import { useState } from 'react';
import { Highlight } from '../../components/Highlight';
import { isRawNumber } from '../../lib/json-normalize';

const MAX_CHILDREN = 500;

/** Collapsible JSON viewer. Keys and strings are React text: a `<script>` in a payload shows as the characters. */
export function JsonTree({
  value,
  query = '',
  name,
  depth = 0,
}: {
  value: unknown;
  query?: string;
  name?: string;
  depth?: number;
}) {
  const [open, setOpen] = useState(depth < 3);
  const [limit, setLimit] = useState(MAX_CHILDREN);
  const label =
    name === undefined ? null : (
      <span className="json-key">
        <Highlight text={name} query={query} />
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
    : Object.entries(value as Record<string, unknown>);
  const [openBracket, closeBracket] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div className="json-node">
      <div className="json-line" style={{ paddingLeft: 16 + depth * 14 }}>
        <button
          type="button"
          className="json-toggle"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${name ?? (Array.isArray(value) ? 'array' : 'object')}`}
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
            <JsonTree key={k} name={k} value={v} query={query} depth={depth + 1} />
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
