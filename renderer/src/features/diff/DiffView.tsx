import { useEffect, useState } from 'react';
import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { useApi } from '../../api';
import { DiffEditor } from '../../components/code-editor';
import { base64ToBytes, bodyText as decodeText } from '../../lib/bytes';
import { bodyKind, editorLanguage } from '../../lib/body-kind';
import { formatDateTime } from '../../lib/format';
import { prettyJson } from '../../lib/json-normalize';
import { hexRow } from '../../lib/hex';

function headerText(d: CaptureDetail): string {
  return [
    `${d.method} ${d.path}${d.query ? `?${d.query}` : ''} HTTP/${d.httpVersion}`,
    ...d.headers.map(([k, v]) => `${k}: ${v}`),
  ].join('\n');
}

function bodyText(d: CaptureDetail, normalise: boolean): { text: string; language: string } {
  const bytes = base64ToBytes(d.decodedBodyBase64 ?? d.bodyBase64);
  // The header as sent carries the charset; the summary field may hold only the media type.
  const contentType = d.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? d.contentType;
  const { text } = decodeText(bytes, contentType);
  const kind = bodyKind(contentType, text, bytes.length);
  if (text === null) {
    const rows = Math.min(Math.ceil(bytes.length / 16), 4096);
    return {
      text: Array.from({ length: rows }, (_, i) => {
        const r = hexRow(bytes, i);
        return `${r.offset}  ${r.hex}  ${r.ascii}`;
      }).join('\n'),
      language: 'plaintext',
    };
  }
  if (kind === 'json' && normalise) return { text: prettyJson(text, true), language: 'json' };
  return { text, language: editorLanguage(kind) };
}

/** Two captures side by side: request line + headers, then the body (JSON normalised by key order unless raw). */
export function DiffView({
  leftId,
  rightId,
  onClose,
}: {
  leftId: number;
  rightId: number;
  onClose: () => void;
}) {
  const api = useApi();
  const [pair, setPair] = useState<[CaptureDetail, CaptureDetail] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [normalise, setNormalise] = useState(true);
  useEffect(() => {
    let live = true;
    Promise.all([api.call('captures.get', { id: leftId }), api.call('captures.get', { id: rightId })]).then(
      (p) => live && setPair(p),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, leftId, rightId]);

  if (error) return <div className="notice notice-error pad">{error}</div>;
  if (!pair) return <div className="muted pad">Loading…</div>;
  const [a, b] = pair;
  const bodyA = bodyText(a, normalise);
  const bodyB = bodyText(b, normalise);
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="panel-toolbar">
        <h2>Diff</h2>
        <span className="diff-side">
          #{a.id} <span className="muted">{formatDateTime(a.receivedAtMs)}</span>
        </span>
        <span className="muted">↔</span>
        <span className="diff-side">
          #{b.id} <span className="muted">{formatDateTime(b.receivedAtMs)}</span>
        </span>
        <span className="spacer" />
        <label>
          <input
            type="checkbox"
            data-testid="diff-normalise"
            checked={normalise}
            onChange={(e) => setNormalise(e.target.checked)}
          />{' '}
          Normalise JSON key order
        </label>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <h3 className="diff-heading">Request line and headers</h3>
      <div className="diff-pane diff-headers" data-testid="diff-headers">
        <DiffEditor original={headerText(a)} modified={headerText(b)} language="plaintext" height="100%" />
      </div>
      <h3 className="diff-heading">
        Body{' '}
        {normalise && bodyA.language === 'json' ? (
          <span className="muted">(keys sorted)</span>
        ) : (
          <span className="muted">(raw)</span>
        )}
      </h3>
      <div className="diff-pane diff-body" data-testid="diff-body">
        <DiffEditor
          original={bodyA.text}
          modified={bodyB.text}
          language={bodyA.language === bodyB.language ? bodyA.language : 'plaintext'}
          height="100%"
        />
      </div>
    </div>
  );
}
