import { useMemo, useState } from 'react';
import { formatBytes } from '../../lib/format';
import { boundaryOf, parseMultipart } from '../../../../electron/shared/decode/multipart';
import { downloadBlob } from '../../components/download';
import { HexView } from './HexView';
import { Highlight, searchPattern } from '../../components/Highlight';
import { keyText } from '../../components/KeyText';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { PART_PREVIEW_BYTES, partNumbers, partPreview, partsMatching } from './multipart-matches';

/**
 * Parts laid out at first and added per "Show more parts": each holds up to PART_PREVIEW_BYTES of text, so 200 large
 * parts at once would lay out megabytes.
 */
export const PARTS_CHUNK = 20;

export function MultipartView({
  bytes,
  contentType,
  query,
}: {
  bytes: Uint8Array;
  contentType: string | null;
  query: string;
}) {
  const [limit, setLimit] = useState(PARTS_CHUNK);
  const boundary = boundaryOf(contentType);
  const parsed = useMemo(() => (boundary ? parseMultipart(bytes, boundary) : null), [bytes, boundary]);
  // The search may match only parts not laid out yet: they are named, or nothing would show where the match is.
  const hiddenMatches = useMemo(() => {
    const pattern = searchPattern(query);
    return parsed && pattern ? partsMatching(parsed.parts, limit, pattern) : [];
  }, [parsed, query, limit]);
  if (!parsed) return <div className="notice">No boundary in Content-Type; see the Raw or Hex view.</div>;
  const { parts, error } = parsed;
  const firstHidden = hiddenMatches[0];
  return (
    <div className="multipart-view">
      {error && (
        <div className="notice notice-warn">
          <VisibleText text={error} />
        </div>
      )}
      {firstHidden !== undefined && (
        <div className="notice" data-testid="multipart-hidden-matches">
          Also found in {partNumbers(hiddenMatches)}, not shown yet.{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setLimit(Math.ceil((firstHidden + 1) / PARTS_CHUNK) * PARTS_CHUNK)}
          >
            Show through part #{firstHidden + 1}
          </button>
        </div>
      )}
      {parts.length > limit && (
        <div className="notice" data-testid="multipart-partial">
          Showing {limit.toLocaleString()} of {parts.length.toLocaleString()} parts.{' '}
          <button type="button" className="btn btn-small" onClick={() => setLimit((n) => n + PARTS_CHUNK)}>
            Show more parts
          </button>{' '}
          or download the body for all of it.
        </div>
      )}
      {parts.slice(0, limit).map((part, i) => {
        const text = partPreview(part);
        return (
          <section key={i} className="part" data-testid="multipart-part">
            <header className="part-header">
              <span className="part-index">#{i + 1}</span>
              <span className="part-name">
                {part.name === null ? '(no name)' : <VisibleText text={keyText(part.name)} />}
              </span>
              {part.filename !== null && (
                <span className="part-filename" title="filename">
                  <VisibleText text={part.filename} />
                </span>
              )}
              <span className="muted part-type">
                <VisibleText text={part.contentType ?? 'text/plain'} />
              </span>
              <span className="muted">{formatBytes(part.body.length)}</span>
              <button
                type="button"
                className="btn btn-small"
                // Every part has one: the name says which part it saves.
                aria-label={visibleAttribute(
                  `Download part #${i + 1}${part.filename !== null ? ` (${part.filename})` : part.name !== null ? ` (${keyText(part.name)})` : ''}`,
                )}
                onClick={() =>
                  downloadBlob(
                    part.body.slice(),
                    part.filename || `part-${i + 1}.bin`,
                    part.contentType ?? undefined,
                  )
                }
              >
                Download
              </button>
            </header>
            <table className="pairs-table part-headers">
              <tbody>
                {part.headers.map(([k, v], j) => (
                  <tr key={j}>
                    <th scope="row" className="pair-name">
                      <VisibleText text={k} />
                    </th>
                    <td className="pair-value">
                      <VisibleText text={v} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {text !== null ? (
              <pre className="part-body">
                <Highlight text={text} query={query} />
                {part.body.length > PART_PREVIEW_BYTES && (
                  <span className="muted">
                    {'\n'}… {formatBytes(part.body.length - PART_PREVIEW_BYTES)} more
                  </span>
                )}
              </pre>
            ) : (
              <div
                className="part-hex"
                style={{ height: Math.min(240, Math.ceil(part.body.length / 16) * 20 + 8) }}
              >
                <HexView bytes={part.body} />
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
