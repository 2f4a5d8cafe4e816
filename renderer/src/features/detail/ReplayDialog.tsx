import { useId, useRef, useState } from 'react';
import type { HeaderPair } from '../../../../electron/shared/contract/captures';
import type { DeliveryPolicy, DeliverySummary } from '../../../../electron/shared/contract/delivery';
import { withCapturedQuery } from '../../../../electron/shared/send/captured-query';
import type { TargetQuery } from '../../../../electron/shared/send/query-suffix';
import { useApi } from '../../api';
import { LoopConfirm } from '../deliveries/LoopConfirm';
import { deliveryHref } from '../deliveries/DeliveriesView';
import { formatDuration } from '../deliveries/format';
import { useModalFocus } from '../../components/use-modal-focus';
import { useErrorField } from '../../lib/use-error-field';
import { replayHarTypes } from './replay-har-types';
import { replayNoteSubject } from './replay-note-subject';
import { oldestFirst } from './replay-order';
import { replayQuery } from './replay-query';
import { replayStaleSignatures } from './replay-stale-signatures';
import { replayTrailers } from './replay-trailers';
import { replayTransferCodings } from './replay-transfer-codings';
import { useReplayCaptures } from './use-replay-captures';
import { useReplayRun, type ReplayOutcome } from './use-replay-run';
import { VisibleText } from '../../components/VisibleText';

const policies: Array<[DeliveryPolicy, string]> = [
  ['none', 'None (one attempt)'],
  ['ortto', 'Ortto (up to 12 retries, 5 min → 1 day)'],
  ['ontraport', 'Ontraport (rate + retries)'],
  ['standard', 'Standard Webhooks (8 tries)'],
];

/** Re-sends captures byte-for-byte (method, headers, body) to another URL through `deliveries.replay`, in order. */
export function ReplayDialog({
  captureIds,
  trailers: knownTrailers,
  query: knownQuery,
  harContentType: knownHarType,
  transferCodings: knownCodings,
  timestampedSignatures: knownSignatures,
  onClose,
}: {
  captureIds: number[];
  /**
   * The capture's trailer fields, when the opener has them (otherwise the dialog reads them): the HTTP client cannot
   * send request trailers, so the dialog says they are left out.
   */
  trailers?: HeaderPair[];
  /**
   * The capture's raw query and whether its target ended in a bare `?`, when the opener has them (otherwise the dialog
   * reads the captures').
   */
  query?: TargetQuery;
  /** The Content-Type the replay adds from an imported capture's HAR postData (null: none), when the opener knows it. */
  harContentType?: string | null;
  /** The capture's transfer codings besides chunked (see `transferCodings`), when the opener knows them. */
  transferCodings?: string[];
  /** The capture's signature headers that sign a timestamp (see `timestampedSignatures`), when the opener knows them. */
  timestampedSignatures?: string[];
  onClose: () => void;
}) {
  const api = useApi();
  const [url, setUrl] = useState('');
  const [policy, setPolicy] = useState<DeliveryPolicy>('none');
  const [state, startReplay, clearLoop] = useReplayRun();
  const { read, done: allRead } = useReplayCaptures(
    captureIds,
    knownTrailers === undefined ||
      knownQuery === undefined ||
      knownHarType === undefined ||
      knownCodings === undefined ||
      knownSignatures === undefined,
  );
  const trailers = replayTrailers(read, knownTrailers);
  const capturedQuery = replayQuery(read, knownQuery);
  const harTypes = replayHarTypes(read, knownHarType);
  const codings = replayTransferCodings(read, knownCodings);
  const staleSignatures = replayStaleSignatures(read, knownSignatures);
  const oneStale = staleSignatures.captures === 1;
  // On by default once a captured query is known; the user's own choice then stands.
  const [keepQueryChoice, setKeepQueryChoice] = useState<boolean | null>(null);
  const keepQuery = capturedQuery !== null && (keepQueryChoice ?? true);
  const dialog = useRef<HTMLFormElement>(null);
  useModalFocus(dialog, onClose);
  // The engine names the field it refuses ("url: invalid URL …"): that outcome describes the Target URL input.
  const urlRefusal =
    state.kind === 'done' ? state.outcomes.find((o) => o.error?.startsWith('url:')) : undefined;
  const urlErrorId = useId();
  useErrorField(dialog, urlRefusal?.error ?? null, urlErrorId, () => '[data-testid="replay-url"]');

  const replay = async (allowLoop: boolean) => {
    // Before every capture is read, whether one has a query to keep is not known yet.
    if (!allRead) return;
    await startReplay(oldestFirst(captureIds, read), (captureId) =>
      api.call('deliveries.replay', {
        captureId,
        url: url.trim(),
        mode: 'exact',
        policy,
        keepQuery,
        ...(allowLoop ? { allowLoop: true } : {}),
      }),
    );
  };

  return (
    <div
      className="modal-backdrop"
      role="presentation"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <form
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={captureIds.length === 1 ? 'Replay capture' : 'Replay captures'}
        data-testid="replay-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void replay(false);
        }}
      >
        <header className="modal-header">
          <h2>
            {captureIds.length === 1
              ? `Replay capture #${captureIds[0]}`
              : `Replay ${captureIds.length} captures`}
          </h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </header>
        <section>
          <p className="muted">
            Sends the stored method, headers and exact body bytes to the target URL
            {captureIds.length > 1 ? ': one delivery per capture, created oldest first' : ''}.
          </p>
          {trailers.captures > 0 && (
            <p className="notice notice-warn" data-testid="replay-trailers">
              Trailers are not replayed:{' '}
              {captureIds.length === 1
                ? 'this capture'
                : `${trailers.captures} of these ${captureIds.length} captures`}{' '}
              ended with {trailers.names.length === 1 ? 'a trailer' : 'trailers'} (
              <span className="mono">{trailers.names.join(', ')}</span>), and the replay sends{' '}
              {captureIds.length === 1 ? 'the body' : 'each body'} with a Content-Length and no trailer
              section.
            </p>
          )}
          {codings.captures > 0 && (
            <p className="notice" data-testid="replay-transfer-coding">
              {replayNoteSubject(codings.captures, captureIds.length, { one: 'was', many: 'were' })} sent with
              a Transfer-Encoding that compresses the body, stored as it came: the replay sends the same bytes
              with <span className="mono">Content-Encoding: {codings.encodings.join(' / ')}</span> so the
              target can decode them (Transfer-Encoding belongs to the sender&apos;s connection and is not
              forwarded).
            </p>
          )}
          {staleSignatures.captures > 0 && (
            <p className="notice notice-warn" data-testid="replay-stale-signature">
              {replayNoteSubject(staleSignatures.captures, captureIds.length, { one: 'is', many: 'are' })}{' '}
              signed with the time {oneStale ? 'it was' : 'they were'} sent (
              <span className="mono">{staleSignatures.names.join(', ')}</span>), and the replay sends{' '}
              {oneStale ? 'that old signature' : 'those old signatures'} as captured: a receiver checking its
              timestamp tolerance (usually 5 minutes) refuses {oneStale ? 'it' : 'them'} as too old. To sign{' '}
              {oneStale ? 'it afresh, open the capture' : 'them afresh, open each capture'} in the composer
              and use its Signing tab.
            </p>
          )}
          {harTypes.captures > 0 && (
            <p className="notice" data-testid="replay-har-content-type">
              {captureIds.length === 1
                ? 'Adds'
                : `For ${harTypes.captures} imported ${harTypes.captures === 1 ? 'capture' : 'captures'}, adds`}{' '}
              <span className="mono">Content-Type: {harTypes.types.join(', ')}</span> from the HAR&apos;s
              postData: the captured headers have none.
            </p>
          )}
          <div className="form-row">
            <label className="grow">
              Target URL
              <input
                className="mono"
                data-testid="replay-url"
                value={url}
                autoFocus
                spellCheck={false}
                placeholder="https://example.com/webhook"
                onChange={(e) => {
                  setUrl(e.target.value);
                  clearLoop();
                }}
              />
            </label>
          </div>
          {capturedQuery !== null && (
            <div className="form-row">
              <label>
                <input
                  type="checkbox"
                  data-testid="replay-keep-query"
                  checked={keepQuery}
                  onChange={(e) => setKeepQueryChoice(e.target.checked)}
                />{' '}
                Keep the captured query (<span className="mono">{queryHint(capturedQuery.query)}</span>)
              </label>
            </div>
          )}
          {capturedQuery !== null && keepQuery && url.trim() && (
            <p className="muted" data-testid="replay-query-preview">
              {captureIds.length === 1 ? 'Sends to ' : 'For example, sends to '}
              <span className="mono break">
                {withCapturedQuery(url.trim(), capturedQuery.query, capturedQuery.emptyQuery)}
              </span>
              {captureIds.length > 1 ? ' (each capture with its own query)' : ''}
            </p>
          )}
          <div className="form-row">
            <label>
              Retry policy{' '}
              <select
                data-testid="replay-policy"
                value={policy}
                onChange={(e) => setPolicy(e.target.value as DeliveryPolicy)}
              >
                {policies.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="row-actions">
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="replay-send"
              disabled={!url.trim() || !allRead || state.kind === 'sending'}
            >
              {state.kind === 'sending' ? 'Replaying…' : allRead ? 'Replay' : 'Reading captures…'}
            </button>
            <button type="button" className="btn" data-testid="replay-close" onClick={onClose}>
              Close
            </button>
          </div>
          <div aria-live="polite">
            {state.kind === 'loop' && (
              <LoopConfirm
                message={state.message}
                onConfirm={() => void replay(true)}
                confirmLabel="Replay anyway"
                testId="replay-loop"
                confirmTestId="replay-anyway"
              />
            )}
            {state.kind === 'done' && (
              <div className="replay-outcomes">
                {state.outcomes.map((o) => (
                  <ReplayOutcomeLine
                    key={o.captureId}
                    outcome={o}
                    many={captureIds.length > 1}
                    id={o === urlRefusal ? urlErrorId : undefined}
                  />
                ))}
              </div>
            )}
          </div>
        </section>
      </form>
    </div>
  );
}

/**
 * The captured query's first parameter as sent, its value hidden: `?a=…`; `?a=` / `?a=&…` for an empty value and
 * `?flag` / `?flag&…` for one with no `=`, as the Query tab tells them apart; `?` for a target that ended in a bare `?`.
 */
function queryHint(query: string): string {
  if (!query) return '?';
  const first = query.split('&')[0]!;
  const name = first.split('=')[0]!;
  if (first.length > name.length + 1) return `?${name}=…`;
  return first.length < query.length ? `?${first}&…` : `?${first}`;
}

function ReplayOutcomeLine({ outcome, many, id }: { outcome: ReplayOutcome; many: boolean; id?: string }) {
  const capture = many ? `Capture #${outcome.captureId}: ` : '';
  if (outcome.error !== undefined)
    return (
      <div className="notice notice-error" id={id} data-testid="replay-error">
        {capture}
        <VisibleText text={outcome.error} />
      </div>
    );
  return <ReplayResult delivery={outcome.delivery} capture={capture} />;
}

function ReplayResult({ delivery: d, capture }: { delivery: DeliverySummary; capture: string }) {
  return (
    <p className="notice" data-testid="replay-result" data-state={d.state}>
      {capture}Delivery #{d.id} <span className="mono">{d.uid}</span>: {d.state.replace('_', ' ')}
      {d.lastStatus !== null && <> · HTTP {d.lastStatus}</>}
      {d.lastError && (
        <>
          {' '}
          · <VisibleText text={d.lastError} />
        </>
      )}
      {d.lastDurationMs !== null && <> · {formatDuration(d.lastDurationMs)}</>}
      {d.attempts > 0 && (
        <>
          {' '}
          · attempt {d.attempts}/{d.maxAttempts}
        </>
      )}{' '}
      <a href={deliveryHref(d.id)} className="btn-link">
        Delivery log
      </a>
    </p>
  );
}
