import { memo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { Highlight } from '../../components/Highlight';
import { KeyText, keyText } from '../../components/KeyText';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { formatLocal, type DecodedNode } from '../../../../electron/shared/decode/index';

const SHOW_CHILDREN = 200;

export interface TreeOptions {
  rawKeys: boolean;
  openDepth: number;
  /** The list's search: its words are marked in labels and values, as in the other tabs. */
  query?: string;
  /** The whole raw value at a path, for values the tree shows cut short. */
  wholeRaw?: (path: string) => Promise<string>;
}

/** One decoded key: label, type, value, raw ID. Everything is React text — payloads never become markup. */
export const DecodedRow = memo(function DecodedRow({
  node,
  depth,
  options,
}: {
  node: DecodedNode;
  depth: number;
  options: TreeOptions;
}) {
  const [open, setOpen] = useState(depth < options.openDepth);
  const [limit, setLimit] = useState(SHOW_CHILDREN);
  const [details, setDetails] = useState(false);
  const children = node.children;
  const warn = node.warnings.find((w) => w.severity === 'warning') ?? node.warnings[0];
  const title = options.rawKeys ? node.key : node.label;
  const subtitle = options.rawKeys
    ? node.label !== node.key
      ? node.label
      : null
    : (node.fieldId ?? (node.label !== node.key ? node.key : null));
  return (
    <div
      className="decoded-node"
      role="treeitem"
      tabIndex={-1}
      aria-expanded={children ? open : undefined}
      aria-label={visibleAttribute(`${keyText(title)}: ${node.display}`)}
      data-path={node.path}
    >
      <div
        className={`decoded-row${warn ? ` decoded-row-${warn.severity}` : ''}`}
        style={{ paddingLeft: depth * 16 }}
      >
        {children ? (
          <button
            type="button"
            className="json-toggle"
            data-tree-toggle
            tabIndex={-1}
            aria-label={open ? 'Collapse' : 'Expand'}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="decoded-spacer" />
        )}
        <span className="decoded-label" title={visibleAttribute(node.path)}>
          <KeyText text={title} query={options.query ?? ''} />
        </span>
        {subtitle !== null && (
          <span className="decoded-id mono">
            <VisibleText text={subtitle === node.key ? keyText(subtitle) : subtitle} />
          </span>
        )}
        <span className={`decoded-type decoded-source-${node.labelSource}`}>{node.type}</span>
        <span className="decoded-value" title={node.raw === null ? undefined : visibleAttribute(node.raw)}>
          <Highlight text={node.display} query={options.query ?? ''} />
          {node.epochMs !== null && (
            <span className="muted decoded-local"> · local {formatLocal(node.epochMs)}</span>
          )}
        </span>
        <span className="decoded-actions row-actions">
          {(node.details.length > 0 || node.raw !== null) && (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              tabIndex={-1}
              aria-expanded={details}
              onClick={() => setDetails(!details)}
            >
              {details ? 'Less' : 'More'}
            </button>
          )}
          <CopyButton
            text={node.path}
            label="Path"
            name={visibleAttribute(`Copy path of ${keyText(title)}`)}
            title={visibleAttribute(`Copy ${node.path}`)}
            className="btn-small"
            tabIndex={-1}
          />
          <CopyButton
            text={
              // Objects and arrays carry no raw text in the tree (only "3 keys"): their JSON is asked for.
              (node.rawClipped || children) && options.wholeRaw
                ? () => options.wholeRaw!(node.path)
                : (node.raw ?? node.display)
            }
            label="Value"
            name={visibleAttribute(`Copy value of ${keyText(title)}`)}
            title="Copy the raw value"
            className="btn-small"
            tabIndex={-1}
          />
        </span>
      </div>
      {node.warnings.map((w, i) => (
        <div
          key={i}
          className={`decoded-warning decoded-warning-${w.severity}`}
          style={{ paddingLeft: depth * 16 + 22 }}
          role="note"
        >
          {w.severity === 'warning' ? '⚠ ' : 'ℹ '}
          <VisibleText text={w.message} />
        </div>
      ))}
      {details && (
        <div className="decoded-details muted" style={{ paddingLeft: depth * 16 + 22 }}>
          <div>
            key{' '}
            <span className="mono">
              <KeyText text={node.key} />
            </span>
            {node.fieldId && node.fieldId !== node.key ? (
              <>
                {' '}
                · ID <span className="mono">{node.fieldId}</span>
              </>
            ) : null}{' '}
            · label from {node.labelSource}
          </div>
          {node.raw !== null && (
            <div>
              raw{' '}
              <span className="mono">
                <VisibleText text={node.raw} />
              </span>
            </div>
          )}
          {node.details.map((d, i) => (
            <div key={i}>
              <VisibleText text={d} />
            </div>
          ))}
        </div>
      )}
      {children && open && (
        <div role="group">
          {children.slice(0, limit).map((c) => (
            <DecodedRow key={c.path} node={c} depth={depth + 1} options={options} />
          ))}
          {children.length > limit && (
            <div style={{ paddingLeft: (depth + 1) * 16 }}>
              <button type="button" className="btn btn-link" onClick={() => setLimit(limit + SHOW_CHILDREN)}>
                Show {Math.min(SHOW_CHILDREN, children.length - limit)} more of {children.length - limit}…
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
});
