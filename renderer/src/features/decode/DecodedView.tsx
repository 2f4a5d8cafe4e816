import { useState } from 'react';
import { useApi, useCall, useEvent } from '../../api';
import { DecodedRow, type TreeOptions } from './DecodedTree';
import { useCustomLabelsForHover } from './custom-labels';
import type { DecodeResult, WarningCode } from '../../../../electron/shared/decode/index';
import { formatCount } from '../../lib/format';
import { useTreeKeyboard } from '../../components/use-tree-keyboard';
import { VisibleText } from '../../components/VisibleText';

/** The Decoded tab: what the payload is (vendor, event, why), warnings, and the labelled tree. */
export function DecodedView({ captureId, query: search = '' }: { captureId: number; query?: string }) {
  const api = useApi();
  useCustomLabelsForHover(api);
  const query = useCall('decode.capture', { id: captureId }, String(captureId));
  useEvent('dictionary.changed', () => query.reload());
  const [rawKeys, setRawKeys] = useState(false);
  const tree = useTreeKeyboard<HTMLDivElement>(query.data);

  if (query.error) {
    return (
      <div className="panel-error notice notice-error" role="alert">
        Could not decode capture #{captureId}: <VisibleText text={query.error.message} />
      </div>
    );
  }
  if (!query.data) return <div className="muted pad">Decoding…</div>;
  const result = query.data as DecodeResult;
  // Big trees open shallower so the first paint stays small; every node can still be expanded.
  const options: TreeOptions = {
    rawKeys,
    openDepth: result.nodeCount > 400 ? 2 : 4,
    query: search,
    wholeRaw: async (path) => (await api.call('decode.value', { id: captureId, path })).raw,
  };
  const warnings = result.warnings.filter((w) => w.severity === 'warning');
  return (
    <div className="decoded-view" data-testid="decoded-view">
      <div className="decoded-header">
        <Recognition result={result} />
        <div className="spacer" />
        <label className="decoded-toggle">
          <input type="checkbox" checked={rawKeys} onChange={(e) => setRawKeys(e.target.checked)} /> Raw keys
        </label>
      </div>
      {result.reason && (
        <div
          className={
            result.bodyFormat === 'json' || result.bodyFormat === 'form'
              ? 'muted decoded-reason'
              : 'notice notice-warn decoded-reason'
          }
        >
          {/* It quotes the payload (multipart part names and file names, parser messages). */}
          <VisibleText text={result.reason} />
        </div>
      )}
      {warnings.length > 0 && (
        <div className="notice notice-warn decoded-summary" role="status">
          {formatCount(warnings.length, 'warning')}: {summarise(warnings.map((w) => w.code)).join(', ')}
        </div>
      )}
      <div
        className="decoded-tree"
        role="tree"
        aria-label="Decoded payload"
        ref={tree.ref}
        onFocus={tree.onFocus}
        onKeyDown={tree.onKeyDown}
      >
        {result.sections.map((s) => (
          <DecodedRow key={s.path} node={s} depth={0} options={options} />
        ))}
      </div>
      {result.truncated && (
        <div className="muted pad">
          Decoding stopped early ({result.nodeCount} nodes); the raw view has everything.
        </div>
      )}
    </div>
  );
}

function Recognition({ result }: { result: DecodeResult }) {
  const best = result.recognition;
  if (!best) return <div className="decoded-vendor muted">Generic payload — no vendor recognised</div>;
  return (
    <div className="decoded-recognition">
      <div className="decoded-vendor">
        <strong>{best.vendor}</strong>
        {best.eventLabel && (
          <>
            {' · '}
            <VisibleText text={best.eventLabel} />
          </>
        )}
        <span className="pill pill-info decoded-confidence" title="How sure the recogniser is">
          {Math.round(best.confidence * 100)}%
        </span>
      </div>
      <div className="muted decoded-explanation">
        <VisibleText text={best.explanation} />
      </div>
      {result.candidates.length > 1 && (
        <div className="muted decoded-also">
          Also:{' '}
          <VisibleText
            text={result.candidates
              .slice(1)
              .map(
                (c) =>
                  `${c.vendor}${c.eventLabel ? ` · ${c.eventLabel}` : ''} (${Math.round(c.confidence * 100)}%)`,
              )
              .join('; ')}
          />
        </div>
      )}
    </div>
  );
}

/** Each kind of warning as the summary counts it: the singular for one, the plural for more. */
const NAMES: Record<WarningCode, [one: string, many: string]> = {
  'unresolved-merge-field': ['unresolved merge field', 'unresolved merge fields'],
  'unknown-id': ['unknown ID', 'unknown IDs'],
  'suspicious-value': ['suspicious value', 'suspicious values'],
  precision: ['number a double would round', 'numbers a double would round'],
  // One body can be malformed twice over (JSON that does not parse, in bytes that are not UTF-8).
  malformed: ['malformed body', 'ways the body is malformed'],
  'duplicate-key': ['duplicate key', 'duplicate keys'],
  truncated: ['truncated part', 'truncated parts'],
};

function summarise(codes: WarningCode[]): string[] {
  const counts = new Map<WarningCode, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => formatCount(n, ...NAMES[c]));
}
