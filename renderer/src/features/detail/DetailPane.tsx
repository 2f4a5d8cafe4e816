import { useEffect, useId, useMemo, useState, type ReactNode, memo } from 'react';
import { inlineBodyBytes, type CaptureDetail } from '../../../../electron/shared/contract/captures';
import type { Endpoint } from '../../../../electron/shared/contract/endpoints';
import { tunnelSender } from '../../../../electron/shared/tunnel-sender';
import { useApi, useEvent } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { downloadBlob } from '../../components/download';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Tabs } from '../../components/Tabs';
import { TabPanel } from '../../components/TabPanel';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { endpointOf } from '../../lib/capture-endpoint';
import { captureUrl } from '../../lib/capture-url';
import { formatBytes, formatDateTime, formatDuration, statusClass } from '../../lib/format';
import { DecodedSlot } from '../../app/slots';
import { writeHash } from '../../state/hash-state';
import { BodyFormChoice } from './BodyFormChoice';
import { BodyView } from './BodyView';
import { bodyFileExtension } from './body-file-extension';
import { bodySizeText } from './body-size';
import { incompleteBodyCause, incompleteBodyText } from '../../lib/incomplete-body';
import { PairsTable } from './PairsTable';
import { QueryTab } from './QueryTab';
import { responseContentType } from '../../../../electron/shared/decode/response-content-type';
import { harContentType } from '../../../../electron/shared/send/har-content-type';
import { contentTypeHeader } from './content-type-header';
import { transferCodings } from '../../../../electron/shared/send/transfer-codings';
import { ContentTypeConflict } from './ContentTypeConflict';
import { querySuffix } from '../../../../electron/shared/send/query-suffix';
import { ReplayDialog } from './ReplayDialog';
import { timestampedSignatures } from './replay-stale-signatures';
import { responseBody, responseContentEncoding, responseStillCoded } from './response-body';
import { SignatureVerdict } from './SignatureVerdict';
import {
  bodyCodingsLabel,
  bodyStillCoded,
  hasDecodedBody,
  requestBodyBytes,
  requestBodyNote,
  type BodyForm,
} from './request-body';
import { useDecodedBody } from './use-decoded-body';
import { useRequestBodySource } from './use-request-body';

export type DetailTabId = 'overview' | 'headers' | 'query' | 'body' | 'decoded' | 'response';

interface Props {
  id: number;
  receiverUrl: string;
  endpoints: Map<number, Endpoint>;
  query: string;
  onDelete: (ids: number[]) => void;
  onClose?: () => void;
  /** Held by the caller so stepping to another capture keeps the tab open. */
  tab: DetailTabId;
  onTabChange: (tab: DetailTabId) => void;
}

/** The body form chosen for one capture; another capture starts decoded again. */
interface BodyChoice {
  bodyForm: BodyForm;
  setBodyForm: (form: BodyForm) => void;
}

export const DetailPane = memo(function DetailPane(props: Props) {
  const api = useApi();
  const [detail, setDetail] = useState<CaptureDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const { tab } = props;
  const tabsId = useId();
  const [chosenForm, setChosenForm] = useState<{ id: number; form: BodyForm } | null>(null);
  const choice: BodyChoice = {
    bodyForm: chosenForm?.id === props.id ? chosenForm.form : 'decoded',
    setBodyForm: (form) => setChosenForm({ id: props.id, form }),
  };

  useEffect(() => {
    let live = true;
    setError(null);
    // A big body is left out of the answer (10 MB made it 15 MB of JSON) and read apart as bytes by the Body tab.
    api.call('captures.get', { id: props.id, inlineBodyMaxBytes: inlineBodyBytes }).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, props.id, nonce]);

  useEvent('capture.updated', ({ items }) => {
    if (items.some((c) => c.id === props.id)) setNonce((n) => n + 1);
  });

  if (error)
    return (
      <div className="detail-pane">
        <div className="notice notice-error pad">
          Could not load capture #{props.id}: <VisibleText text={error} />
        </div>
      </div>
    );
  if (!detail || detail.id !== props.id)
    return (
      <div className="detail-pane">
        <div className="muted pad">Loading…</div>
      </div>
    );

  return (
    <div className="detail-pane" data-capture-id={detail.id}>
      <DetailHeader detail={detail} {...props} {...choice} />
      <Tabs<DetailTabId>
        label="Capture detail"
        id={tabsId}
        active={tab}
        onChange={props.onTabChange}
        tabs={[
          { id: 'overview', label: 'Overview' },
          { id: 'headers', label: 'Headers', badge: detail.headers.length + detail.trailers.length },
          { id: 'query', label: 'Query', badge: detail.queryParams.length || null },
          {
            id: 'body',
            label: 'Body',
            badge: detail.bodySizeBytes ? formatBytes(detail.bodySizeBytes) : null,
          },
          { id: 'decoded', label: 'Decoded', badge: detail.vendor },
          {
            id: 'response',
            label: 'Response',
            // As the header says: a recorded response without a status was never sent (the status it would have had
            // is in its reason).
            badge: detail.response ? (detail.responseStatus ?? 'not sent') : null,
          },
        ]}
      />
      <TabPanel tabsId={tabsId} active={tab} className="detail-body">
        <ErrorBoundary label="This view" key={`${detail.id}-${tab}`}>
          <DetailTab detail={detail} {...props} {...choice} />
        </ErrorBoundary>
      </TabPanel>
    </div>
  );
});

/** The local receiver's URL for the capture (the public one, when there is one, is shown beside it). */
const fullUrl = (base: string, d: CaptureDetail) => captureUrl({ ...d, publicUrl: null }, base);

function DetailHeader({
  detail: d,
  receiverUrl,
  onDelete,
  onClose,
  bodyForm,
}: { detail: CaptureDetail } & Props & BodyChoice) {
  const api = useApi();
  const [replaying, setReplaying] = useState(false);
  const url = fullUrl(receiverUrl, d);
  // The engine's cURL export re-sends the bytes as received: any body (compressed, binary, not UTF-8) through a
  // base64 pipe, header bytes as sent, and none of curl's own default headers. Not redacted: this is to re-send it.
  const curl = async () => {
    const out = await api.call('captures.export', { format: 'curl', ids: [d.id], redact: false });
    return out.content.replace(/^#!.*\n/, '').trim();
  };
  const received = hasDecodedBody(d) && bodyForm === 'received';
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = async () => {
    setDownloadError(null);
    let bytes: Uint8Array;
    try {
      bytes = await requestBodyBytes(api, d, bodyForm);
    } catch (e) {
      return setDownloadError(`Could not read the body: ${e instanceof Error ? e.message : String(e)}`);
    }
    // Still Content-Encoded: not a file of the declared type.
    if (received) return downloadBlob(bytes.slice(), `capture-${d.id}-body-received.bin`);
    downloadBlob(
      bytes.slice(),
      `capture-${d.id}-body.${bodyFileExtension(d.contentType)}`,
      d.contentType ?? 'application/octet-stream',
    );
  };
  return (
    <div className="detail-header">
      <div className="detail-title">
        <span className={`method-badge method-${d.method.toLowerCase()}`}>{d.method}</span>
        <span className="detail-path" title={visibleAttribute(url)}>
          <VisibleText text={`${d.path}${querySuffix(d)}`} />
        </span>
        <span className={`status-badge ${statusClass(d.responseStatus)}`}>{d.responseStatus ?? '—'}</span>
      </div>
      <div className="detail-actions">
        <CopyButton text={url} label="Copy URL" />
        {/* A replay refuses a truncated capture; the command would send the stored part as the whole body. */}
        <CopyButton
          text={curl}
          label={d.truncated ? 'Copy as cURL (body incomplete)' : 'Copy as cURL'}
          title={d.truncated ? truncatedCurlTitle(d) : undefined}
        />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void download()}
          disabled={d.storedBodyBytes === 0}
        >
          {received ? 'Download body (received)' : 'Download body'}
        </button>
        {downloadError && (
          <span className="notice notice-error">
            <VisibleText text={downloadError} />
          </span>
        )}
        <button
          type="button"
          className="btn btn-small"
          data-testid="open-in-composer"
          onClick={() =>
            writeHash((p) => {
              p.set('view', 'compose');
              p.set('capture', String(d.id));
            }, true)
          }
        >
          Open in composer
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="replay-open"
          onClick={() => setReplaying(true)}
        >
          Replay…
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={() => onDelete([d.id])}>
          Delete
        </button>
        {onClose && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={onClose}
            aria-label="Close detail"
          >
            ✕
          </button>
        )}
      </div>
      {replaying && (
        <ReplayDialog
          captureIds={[d.id]}
          trailers={d.trailers}
          query={d}
          harContentType={harContentType(d)}
          transferCodings={transferCodings(d.headers)}
          timestampedSignatures={timestampedSignatures(d.headers)}
          onClose={() => setReplaying(false)}
        />
      )}
    </div>
  );
}

function DetailTab({
  tab,
  detail: d,
  receiverUrl,
  endpoints,
  query,
  bodyForm,
  setBodyForm,
}: { detail: CaptureDetail } & Props & BodyChoice) {
  switch (tab) {
    case 'overview':
      return <Overview d={d} receiverUrl={receiverUrl} endpoints={endpoints} />;
    case 'headers':
      return (
        <>
          <PairsTable
            pairs={d.headers}
            query={query}
            empty="No headers."
            label="headers"
            one="header"
            headerValues
          />
          {d.trailers.length > 0 && (
            <section className="trailers" aria-label="Trailers">
              <h3 className="section-title">Trailers (sent after the chunked body)</h3>
              <PairsTable
                pairs={d.trailers}
                query={query}
                empty=""
                label="trailers"
                one="trailer"
                headerValues
              />
            </section>
          )}
        </>
      );
    case 'query':
      return <QueryTab d={d} query={query} />;
    case 'body':
      return <BodyTab key={d.id} d={d} bodyForm={bodyForm} setBodyForm={setBodyForm} query={query} />;
    case 'decoded':
      return <DecodedSlot captureId={d.id} query={query} />;
    case 'response':
      return <ResponseTab d={d} query={query} />;
  }
}

/** The request body, decoded only once this tab is open (a big one in a worker). */
function BodyTab({ d, bodyForm, setBodyForm, query }: { d: CaptureDetail; query: string } & BodyChoice) {
  // Still Content-Encoded: whatever the Content-Type says, these bytes are not that yet.
  const contentType =
    hasDecodedBody(d) && bodyForm === 'received' ? 'application/octet-stream' : contentTypeHeader(d);
  const read = useRequestBodySource(d, bodyForm);
  const body = useDecodedBody(read && 'source' in read ? read.source : '', contentType);
  const choice = hasDecodedBody(d) && (
    <BodyFormChoice form={bodyForm} encoding={bodyCodingsLabel(d)} onChange={setBodyForm} />
  );
  // A body left out of captures.get may turn out not to decode (a compression bomb): Received still reads.
  if (read && 'error' in read)
    return (
      <div className="pad">
        {choice}
        <div className="notice notice-error" data-testid="body-read-error">
          Could not read the body: <VisibleText text={read.error} />
        </div>
      </div>
    );
  if (!read) return <div className="muted pad">Reading the body…</div>;
  if (!body) return <div className="muted pad">Decoding the body…</div>;
  return (
    <BodyView
      bytes={body.bytes}
      decoded={body.decoded}
      formHead={body.formHead}
      contentType={contentType}
      query={query}
      note={requestBodyNote(d, bodyForm, body.bytes.length)}
      choice={choice}
      stillCoded={bodyStillCoded(d, bodyForm)}
    />
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Overview({
  d,
  receiverUrl,
  endpoints,
}: {
  d: CaptureDetail;
  receiverUrl: string;
  endpoints: Map<number, Endpoint>;
}) {
  const endpoint = endpointOf(d.endpointId, endpoints);
  const listed = endpoint && !('deleted' in endpoint) ? endpoint : null;
  // An IPv6 address in brackets, as in a URL: `::1:5000` could be the address ::1:5000 without a port.
  const address = d.remoteAddress.includes(':') ? `[${d.remoteAddress}]` : d.remoteAddress;
  const peer = d.remotePort !== null ? `${address}:${d.remotePort}` : d.remoteAddress;
  const sender = tunnelSender(d);
  return (
    <dl className="overview" data-testid="overview">
      <Field label="Capture">#{d.id}</Field>
      <Field label="Method">{d.method}</Field>
      <Field label="URL">
        <span className="mono break">{fullUrl(receiverUrl, d)}</span>
        {d.path === '*' && (
          <span className="muted"> (asked as {d.method} *: about the server as a whole, not a path)</span>
        )}
      </Field>
      {d.publicUrl && (
        <Field
          label={
            d.source === 'imported'
              ? 'Original URL'
              : d.source === 'tunnel'
                ? 'Public URL'
                : 'Absolute-form target'
          }
        >
          <span className="mono break">{captureUrl(d, '')}</span>
        </Field>
      )}
      <Field label="Received">{formatDateTime(d.receivedAtMs)}</Field>
      <Field label="From">
        {sender ? (
          <>
            <span className="mono">{sender}</span>{' '}
            <span className="muted">(forwarded by the tunnel; connection from {peer})</span>
          </>
        ) : (
          <span className="mono">{peer}</span>
        )}{' '}
        <span className="muted">
          HTTP/{d.httpVersion} · {d.source}
        </span>
      </Field>
      <Field label="Body">
        {bodySizeText(d)}
        {d.bodyNotSent ? (
          <span className="pill pill-warn">refused before 100 Continue</span>
        ) : (
          d.truncated && (
            <span className="pill pill-warn">truncated — stored {formatBytes(d.storedBodyBytes)}</span>
          )
        )}
        {d.contentEncoding && (
          <span className="pill pill-info">
            <VisibleText text={d.contentEncoding} />
          </span>
        )}
        <TransferCodingPill codings={transferCodings(d.headers)} />
      </Field>
      <Field label="Content type">
        {d.contentType === null ? '—' : <VisibleText text={d.contentType} />}
        <ContentTypeConflict headers={d.headers} />
      </Field>
      <Field label="Endpoint">
        {endpoint === null ? (
          d.endpointId === null ? (
            '—'
          ) : (
            `#${d.endpointId}`
          )
        ) : 'deleted' in endpoint ? (
          `deleted endpoint #${endpoint.id}`
        ) : (
          <>
            <VisibleText text={endpoint.name} /> ({endpoint.pathPrefix})
          </>
        )}
      </Field>
      <Field label="Response">
        {d.response ? (
          <>
            <ResponseStatus d={d} />
            {d.response.delayMs > 0 && (
              <span className="muted"> after {formatDuration(d.response.delayMs)}</span>
            )}
            {d.response.reason && (
              <span className="muted">
                {' '}
                — <VisibleText text={d.response.reason} />
              </span>
            )}
          </>
        ) : (
          '—'
        )}
      </Field>
      {d.vendor && (
        <Field label="Source">
          {d.vendor}
          {d.eventLabel ? <VisibleText text={` · ${d.eventLabel}`} /> : ''}
        </Field>
      )}
      {(d.verification || (d.source !== 'imported' && listed?.verify && listed.verify.scheme !== 'none')) && (
        <Field label="Signature">
          <SignatureVerdict d={d} verification={d.verification} />
        </Field>
      )}
    </dl>
  );
}

function ResponseTab({ d, query }: { d: CaptureDetail; query: string }) {
  const [form, setForm] = useState<BodyForm>('decoded');
  const body = useMemo(() => (d.response ? responseBody(d.response, form) : null), [d.response, form]);
  if (!d.response || !body) return <div className="muted pad">No response recorded.</div>;
  const decodable = d.response.decodedBodyBase64 != null;
  // Still Content-Encoded: whatever the Content-Type says, these bytes are not that yet.
  const contentType =
    decodable && form === 'received' ? 'application/octet-stream' : responseContentType(d.response);
  return (
    <div className="response-tab">
      <div className="pad">
        <ResponseStatus d={d} />
        {d.response.delayMs > 0 && (
          <span className="muted"> delayed {formatDuration(d.response.delayMs)}</span>
        )}
        {d.response.reason && (
          <span className="muted">
            {' '}
            — <VisibleText text={d.response.reason} />
          </span>
        )}
      </div>
      <PairsTable
        pairs={d.response.headers}
        query={query}
        empty="No response headers."
        label="response headers"
        one="response header"
      />
      <div className="response-body">
        <BodyView
          bytes={body.bytes}
          contentType={contentType}
          query={query}
          note={body.note}
          stillCoded={responseStillCoded(d.response, form)}
          choice={
            decodable && (
              <BodyFormChoice form={form} encoding={responseContentEncoding(d.response)} onChange={setForm} />
            )
          }
        />
      </div>
    </div>
  );
}

/** A recorded response without a status was never sent: the client went away first (its reason says so). */
function ResponseStatus({ d }: { d: CaptureDetail }) {
  if (!d.response) return null;
  if (d.responseStatus === null) return <span className="pill pill-warn">not sent</span>;
  return <span className={`status-badge ${statusClass(d.response.status)}`}>{d.response.status}</span>;
}

/** What the copied command of a truncated capture sends, and why that is not the whole body. */
function truncatedCurlTitle(d: CaptureDetail): string {
  const cause = incompleteBodyCause(d);
  const sends =
    cause === 'never-sent'
      ? 'no body'
      : cause === 'size-limit'
        ? `only the ${formatBytes(d.storedBodyBytes)} stored of ${bodySizeText(d)}`
        : `only the ${formatBytes(d.storedBodyBytes)} that arrived`;
  return `This capture ${incompleteBodyText(cause)}: this command sends ${sends}`;
}

/** A body sent with `Transfer-Encoding: gzip, chunked` is stored still gzip, though no Content-Encoding says so. */
function TransferCodingPill({ codings }: { codings: string[] }) {
  if (codings.length === 0) return null;
  return (
    <span
      className="pill pill-info"
      data-testid="body-transfer-coding"
      title="Coded by the sender's Transfer-Encoding, not a Content-Encoding"
    >
      Transfer-Encoding <VisibleText text={codings.join(', ')} />
    </span>
  );
}
