import { useEffect, useState } from 'react';
import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { findDuplicateKeys, type DuplicateKey } from '../../../../electron/shared/decode/duplicate-keys';
import { headerValueText } from '../../../../electron/shared/decode/header-text';
import { querySuffix } from '../../../../electron/shared/send/query-suffix';
import { useApi } from '../../api';
import { Checkbox } from '../../components/Checkbox';
import { VisibleText } from '../../components/VisibleText';
import { DiffEditor } from '../../components/code-editor';
import { base64ToBytes, bodyText as decodeText } from '../../lib/bytes';
import { bodyKind, editorLanguage } from '../../lib/body-kind';
import { formatBytes, formatDateTime } from '../../lib/format';
import { incompleteBodyCause, incompleteBodyText } from '../../lib/incomplete-body';
import { prettyJson } from '../../lib/json-normalize';
import { hexRow } from '../../lib/hex';
import { bodySizeText } from '../detail/body-size';
import { contentTypeHeader } from '../detail/content-type-header';
import { bodyStillCoded } from '../detail/request-body';

/**
 * The request line and headers, then any trailer fields (sent after a chunked body); `byName` lists the fields by name,
 * case aside (repeated ones stay in the order sent), for senders whose order varies.
 */
function headerText(d: CaptureDetail, byName: boolean): string {
  const ordered = (fields: CaptureDetail['headers']) =>
    byName ? [...fields].sort(([x], [y]) => x.localeCompare(y, 'en', { sensitivity: 'base' })) : fields;
  // As the detail pane reads them: a UTF-8 `café` is stored as the Latin-1 `cafÃ©`.
  const lines = (fields: CaptureDetail['headers']) =>
    ordered(fields).map(([k, v]) => `${k}: ${headerValueText(v).text}`);
  return [
    `${d.method} ${d.path}${querySuffix(d)} HTTP/${d.httpVersion}`,
    ...lines(d.headers),
    ...(d.trailers.length > 0 ? ['', 'Trailers (sent after the chunked body):', ...lines(d.trailers)] : []),
  ].join('\n');
}

/** Rows of hex a side shows (64 KiB): a larger binary body is shown as a window around its first difference. */
const HEX_ROWS = 4096;

const bodyBytes = (d: CaptureDetail) => base64ToBytes(d.decodedBodyBase64 ?? d.bodyBase64);

function bodyText(
  d: CaptureDetail,
  normalise: boolean,
  firstHexRow = 0,
): { text: string; language: string; binary: boolean; repeated?: DuplicateKey[] } {
  const bytes = bodyBytes(d);
  const contentType = contentTypeHeader(d);
  const { text } = decodeText(bytes, contentType);
  // The decoded form when the engine undid the codings, else the bytes as received, still in any coding it could not.
  const kind = bodyKind(contentType, text, bytes.length, bodyStillCoded(d, 'decoded'));
  if (text === null || kind === 'binary') {
    const end = Math.min(Math.ceil(bytes.length / 16), firstHexRow + HEX_ROWS);
    return {
      text: Array.from({ length: Math.max(0, end - firstHexRow) }, (_, i) => {
        const r = hexRow(bytes, firstHexRow + i);
        return `${r.offset}  ${r.hex}  ${r.ascii}`;
      }).join('\n'),
      language: 'plaintext',
      binary: true,
    };
  }
  if (kind === 'json' && normalise) {
    const pretty = prettyJson(text, true);
    // Parsed and sorted, a key written twice keeps only its last value: say so, or two bodies could look the same.
    // (Text that does not parse comes back unchanged, and has no keys to count.)
    const repeated = pretty === text ? [] : findDuplicateKeys(text, 3);
    return { text: pretty, language: 'json', binary: false, repeated };
  }
  return { text, language: editorLanguage(kind), binary: false };
}

/** The offset of the first byte that differs (a length difference counts), or null when the bodies are equal. */
function firstDifference(a: Uint8Array, b: Uint8Array): number | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? null : n;
}

/** Where the hex window starts, and what to say about it, for two binary bodies larger than the window. */
function hexWindow(a: Uint8Array, b: Uint8Array): { firstRow: number; note: string | null } {
  const rows = Math.ceil(Math.max(a.length, b.length) / 16);
  if (rows <= HEX_ROWS) return { firstRow: 0, note: null };
  const diff = firstDifference(a, b);
  const firstRow = diff === null ? 0 : Math.max(0, Math.min(Math.floor(diff / 16) - 16, rows - HEX_ROWS));
  const from = (firstRow * 16).toString(16).padStart(8, '0');
  const to = Math.min((firstRow + HEX_ROWS) * 16, Math.max(a.length, b.length))
    .toString(16)
    .padStart(8, '0');
  return {
    firstRow,
    note:
      diff === null
        ? `The bodies are identical (${a.length.toLocaleString()} bytes); hex shown for bytes ${from}–${to}.`
        : `Hex shown for bytes ${from}–${to} of ${a.length.toLocaleString()} and ${b.length.toLocaleString()}: ` +
          `the first difference is at byte ${diff.toLocaleString()} (0x${diff.toString(16)}).`,
  };
}

/** What to say when only one side is binary: its hex stops after the window, from its first byte. */
function hexHead(d: CaptureDetail | null): { firstRow: number; note: string | null } {
  const length = d ? bodyBytes(d).length : 0;
  if (!d || length <= HEX_ROWS * 16) return { firstRow: 0, note: null };
  const to = (HEX_ROWS * 16).toString(16).padStart(8, '0');
  return {
    firstRow: 0,
    note: `Hex shown for bytes 00000000–${to} of #${d.id}'s ${length.toLocaleString()}.`,
  };
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
  const [headersByName, setHeadersByName] = useState(false);
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

  if (error)
    return (
      <div className="diff-view" data-testid="diff-view">
        <div className="panel-toolbar">
          <h2>Diff</h2>
          <span className="spacer" />
          <button type="button" className="btn btn-small" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="notice notice-error pad" data-testid="diff-error">
          <VisibleText text={error} />
        </div>
      </div>
    );
  if (!pair) return <div className="muted pad">Loading…</div>;
  const [a, b] = pair;
  const plainA = bodyText(a, normalise);
  const plainB = bodyText(b, normalise);
  const hex =
    plainA.binary && plainB.binary
      ? hexWindow(bodyBytes(a), bodyBytes(b))
      : hexHead(plainA.binary ? a : plainB.binary ? b : null);
  const bodyA = hex.firstRow ? bodyText(a, normalise, hex.firstRow) : plainA;
  const bodyB = hex.firstRow ? bodyText(b, normalise, hex.firstRow) : plainB;
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
        <Checkbox checked={normalise} onChange={setNormalise} testId="diff-normalise">
          Normalise JSON key order
        </Checkbox>
        <Checkbox checked={headersByName} onChange={setHeadersByName} testId="diff-header-order">
          Headers by name
        </Checkbox>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <h3 className="diff-heading">Request line and headers</h3>
      <div className="diff-pane diff-headers" data-testid="diff-headers">
        <DiffEditor
          original={headerText(a, headersByName)}
          modified={headerText(b, headersByName)}
          language="plaintext"
          height="100%"
        />
      </div>
      <h3 className="diff-heading">
        Body{' '}
        <span className="muted">
          ({bodyLayout(normalise, { id: a.id, ...bodyA }, { id: b.id, ...bodyB })})
        </span>
      </h3>
      {[a, b]
        .filter((d) => d.truncated)
        .map((d) => (
          <p key={d.id} className="notice notice-warn pad" data-testid="diff-truncated">
            {truncatedNote(d)}
          </p>
        ))}
      {[
        { d: a, body: bodyA },
        { d: b, body: bodyB },
      ].flatMap(({ d, body }) =>
        (body.repeated ?? []).map((r) => (
          <p
            key={`${d.id} ${r.objectPath} ${r.key}`}
            className="notice notice-warn pad"
            data-testid="diff-duplicate-keys"
          >
            #{d.id} writes key <VisibleText text={JSON.stringify(r.key)} /> {r.count} times in{' '}
            <VisibleText text={r.objectPath} />: sorted, only its last value shows; untick “Normalise JSON key
            order” to compare them all.
          </p>
        )),
      )}
      {hex.note && (
        <p className="muted pad" data-testid="diff-hex-window">
          <VisibleText text={hex.note} />
        </p>
      )}
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

/** Whether each side's JSON was sorted by key: said per side when only one of them is JSON. */
function bodyLayout(normalise: boolean, ...sides: Array<{ id: number; language: string }>): string {
  const sorted = sides.map((side) => normalise && side.language === 'json');
  if (sorted.every(Boolean)) return 'keys sorted';
  if (!sorted.some(Boolean)) return 'raw';
  return sides.map((side, i) => `#${side.id} ${sorted[i] ? 'keys sorted' : 'raw'}`).join(', ');
}

/** Why a truncated side's stored body is not the whole body, and what that means for the diff. */
function truncatedNote(d: CaptureDetail): string {
  const cause = incompleteBodyCause(d);
  if (cause === 'never-sent') return `#${d.id} ${incompleteBodyText(cause)}: there is no body to compare.`;
  const kept =
    cause === 'size-limit'
      ? `only its first ${formatBytes(d.storedBodyBytes)} of ${bodySizeText(d)}`
      : `only the ${formatBytes(d.storedBodyBytes)} that arrived`;
  return `#${d.id} ${incompleteBodyText(cause)}: ${kept} were stored, so a difference past that cannot show here.`;
}
