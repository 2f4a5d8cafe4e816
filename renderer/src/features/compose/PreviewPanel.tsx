import type { BuiltRequest } from '../../../../electron/shared/send/outgoing';
import { CopyButton } from '../../components/CopyButton';
import { VisibleText } from '../../components/VisibleText';
import { escapeControls } from '../../../../electron/shared/control-escapes';
import { toCurl } from '../../../../electron/shared/send/curl';
import { base64ToBytes } from '../../../../electron/shared/send/bytes';
import { replaceHeaders, withoutNamesOf } from '../../../../electron/shared/send/replace-headers';
import { noTypeKeptAs, type DraftOrigin, type HeaderRow } from './state';
import { wireHeaders } from './wire-headers';
import { requestTarget, urlAsSent } from '../../../../electron/shared/send/request-target';
import { clientHeaders } from '../../../../electron/shared/send/client-headers';
import {
  BYPASS_REMINDER_HEADER,
  isTunnelTarget,
  type TunnelHosts,
} from '../../../../electron/shared/tunnel-bypass';

const maxPreviewChars = 64 * 1024;

const oneLine = { multiline: false, lineSeparators: true };

/** One line of the request head, typed or captured: its control and invisible characters shown, never drawn. */
const HeadLine = ({ line }: { line: string }) => <VisibleText text={`${escapeControls(line, oneLine)}\n`} />;

/** The delivery engine's loop-guard header (electron/engine/delivery/queue.ts), added to every attempt. */
const deliveryHeader = 'X-Hookscope-Delivery';

function targetOf(url: string): string {
  try {
    return requestTarget(url);
  } catch {
    return url || '/';
  }
}

/**
 * The request as a cURL command, header values as the bytes the composer sends (see `wireHeaders`). A delivery header
 * carried over from a capture is left out: the queue would replace it with an id cURL cannot know. So is a typed
 * Content-Length, which the composer's client replaces with the body's: curl would send it as typed.
 */
export function curlFor(
  built: BuiltRequest,
  signingHeaders: [string, string][],
  rows: HeaderRow[] = [],
): string {
  const { headers } = clientHeaders(
    built.method,
    built.url,
    withoutNamesOf(built.headers, [[deliveryHeader, '']]),
    built.bodyBytes,
  );
  return toCurl({
    method: built.method,
    url: urlAsSent(built.url),
    headers: wireHeaders(replaceHeaders(headers, signingHeaders), rows),
    body: base64ToBytes(built.bodyBase64),
  });
}

/** The exact request line, headers and body bytes that go out (signature headers are added per attempt). */
export function PreviewPanel({
  built,
  signingHeaders,
  rows = [],
  openedFrom,
  tunnelHosts,
}: {
  built: BuiltRequest;
  signingHeaders: [string, string][];
  /** The composer's header rows, for the captured bytes of unchanged values. */
  rows?: HeaderRow[];
  /** Where the draft came from, to say why it sends no Content-Type. */
  openedFrom?: DraftOrigin;
  /** Where localtunnel URLs live: the queue adds bypass-tunnel-reminder to attempts there. */
  tunnelHosts?: TunnelHosts;
}) {
  const target = targetOf(built.url);
  const bypassAdded =
    tunnelHosts !== undefined &&
    isTunnelTarget(built.url, tunnelHosts) &&
    !built.headers.some(([name]) => name.toLowerCase() === BYPASS_REMINDER_HEADER);
  // Signing replaces same-named headers (a stale signature in a capture opened here), as the queue does on send.
  // The queue also replaces a delivery header carried over from a capture with this delivery's own.
  // The client adds Host unless one is given, and replaces a typed Content-Length with the body's (as on send).
  const { host, headers, contentLength } = clientHeaders(
    built.method,
    built.url,
    withoutNamesOf(built.headers, [...signingHeaders, [deliveryHeader, '']]),
    built.bodyBytes,
  );
  const bodyShown =
    built.bodyBytes === 0
      ? null
      : built.bodyText === null
        ? `(${built.bodyBytes} bytes of binary data, shown as base64)\n${built.bodyBase64.slice(0, maxPreviewChars)}`
        : built.bodyText.length > maxPreviewChars
          ? `${built.bodyText.slice(0, maxPreviewChars)}\n… (${built.bodyBytes.toLocaleString()} bytes in all)`
          : built.bodyText;
  const curl = () => curlFor(built, signingHeaders, rows);

  return (
    <section className="compose-preview" aria-label="Request preview" data-testid="compose-preview">
      <div className="compose-row">
        <h2>Exactly what goes out</h2>
        <span className="spacer" />
        <span className="muted" data-testid="preview-size">
          {built.bodyBytes.toLocaleString()} bytes · {built.contentType ?? 'no Content-Type'}
          {built.contentTypeSource === 'detected'
            ? ' (detected)'
            : built.contentTypeSource === 'user'
              ? ' (yours)'
              : built.looksLike
                ? ` (looks like ${built.looksLike}; none is sent, ${noTypeKeptAs(openedFrom)})`
                : ''}
        </span>
        <CopyButton text={curl} label="Copy as cURL" />
      </div>
      <pre className="compose-pre compose-http" data-testid="preview-text">
        <span className="http-line">
          <HeadLine line={`${built.method} ${target} HTTP/1.1`} />
        </span>
        {host && (
          <span className="http-header">
            <HeadLine line={`Host: ${host}`} />
          </span>
        )}
        {headers.map(([name, value], i) => (
          <span key={`h${i}`} className="http-header" data-testid="preview-header">
            <HeadLine line={`${name}: ${value}`} />
          </span>
        ))}
        <span
          className="http-header http-signed"
          title="Added by Hookscope to every attempt, so a request that loops back to this app is recognised"
        >
          {`${deliveryHeader}: <delivery id, assigned on send>\n`}
        </span>
        {bypassAdded && (
          <span
            className="http-header http-signed"
            data-testid="preview-bypass-header"
            title="Added by Hookscope to requests to a localtunnel URL, so localtunnel forwards them instead of answering with its reminder page"
          >
            {`${BYPASS_REMINDER_HEADER}: 1\n`}
          </span>
        )}
        {signingHeaders.map(([name, value], i) => (
          <span
            key={`s${i}`}
            className="http-header http-signed"
            title="Added by signing, recomputed for each attempt"
          >
            <HeadLine line={`${name}: ${value}`} />
          </span>
        ))}
        {contentLength !== null && (
          <span className="http-header">{`Content-Length: ${contentLength}\n`}</span>
        )}
        {bodyShown !== null && (
          <>
            {'\n'}
            <span className="http-body" data-testid="preview-body">
              <VisibleText text={escapeControls(bodyShown, { lineSeparators: true })} />
            </span>
          </>
        )}
      </pre>
    </section>
  );
}
