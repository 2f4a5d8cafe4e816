import { Fragment, useEffect, useRef, useState } from 'react';
import type { DeliveryAttempt, DeliveryDetail } from '../../../../electron/shared/contract/delivery';
import { headerValueText } from '../../../../electron/shared/decode/header-text';
import { ApiError } from '../../../../electron/shared/contract/errors';
import { useApi, useConnection, useEvent } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { VisibleText } from '../../components/VisibleText';
import { AttemptTimeline } from './AttemptTimeline';
import { attemptProgress } from './attempt-progress';
import { dateTime, formatDuration, nextAttempt, oneLine, statusClass } from './format';
import { nextWait } from './next-wait';
import { responseBodyTitle } from './response-body-title';
import { responseText } from './response-text';
import { stateLabel } from './state-label';

/** Header values are stored as bytes (one character each): UTF-8 shows as its text, as in a capture's headers. */
const headerText = (pairs: DeliveryAttempt['requestHeaders']) =>
  pairs.map(([name, value]) => `${name}: ${headerValueText(value).text}`).join('\n');

/** What one attempt sent and got back: headers, the signed string and the whole stored response, as text (never HTML). */
function AttemptExtra({ attempt }: { attempt: DeliveryAttempt }) {
  /** `label` names the section for copy and screen readers; `title`, when given, is what is shown. */
  const sections: Array<{ label: string; title?: string; text: string; empty: string }> = [
    { label: 'Request headers', text: headerText(attempt.requestHeaders), empty: 'none recorded' },
    { label: 'Response headers', text: headerText(attempt.responseHeaders), empty: 'no response' },
  ];
  if (attempt.signedString !== null)
    sections.push({ label: 'Signed string', text: attempt.signedString, empty: '(empty)' });
  sections.push({
    label: 'Response body',
    title: responseBodyTitle(attempt),
    text: responseText(attempt),
    empty: attempt.status === null ? 'no response' : '(empty)',
  });
  return (
    <div className="attempt-extra">
      {sections.map(({ title, label, text, empty }) => (
        <div key={label}>
          <div className="attempt-extra-head">
            <span>{title ?? label}</span>
            {text !== '' && (
              <CopyButton
                text={text}
                name={`Copy attempt ${attempt.attemptNo} ${label.toLowerCase()}`}
                title={`Copy ${label.toLowerCase()}`}
              />
            )}
          </div>
          <pre className="mono" aria-label={`Attempt ${attempt.attemptNo} ${label.toLowerCase()}`}>
            {text === '' ? empty : <VisibleText text={text} />}
          </pre>
        </div>
      ))}
    </div>
  );
}

/** One delivery: its state, actions, the attempt timeline and each attempt's response (as text, never HTML). */
export function DeliveryDetailPanel({ id }: { id: number }) {
  const api = useApi();
  const [detail, setDetail] = useState<DeliveryDetail | null>(null);
  /** Could not load this delivery: replaces the panel. */
  const [error, setError] = useState<string | null>(null);
  /** It was deleted while shown (retention, Clear finished): said plainly instead of a load error. */
  const [removed, setRemoved] = useState(false);
  /** A refused action (Retry now on a held delivery…): shown above the detail, which stays. */
  const [refused, setRefused] = useState<{ text: string; seq: number } | null>(null);
  // Each refusal mounts a fresh alert, so the same refusal twice in a row is announced twice.
  const refusals = useRef(0);
  /** Attempts whose headers, signed string and whole response are shown. */
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (attemptId: number) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (!next.delete(attemptId)) next.add(attemptId);
      return next;
    });
  // An answer about a delivery picked before this one (a slow load, a live update in flight) must not replace it.
  const shown = useRef(id);
  shown.current = id;
  const load = (afterDeletion = false) =>
    api.call('deliveries.get', { id }).then(
      (d) => {
        if (shown.current !== id) return;
        setDetail(d);
        setError(null);
      },
      (e: Error) => {
        if (shown.current !== id) return;
        if (afterDeletion && e instanceof ApiError && e.code === 'not_found') setRemoved(true);
        else setError(e.message);
      },
    );
  useEffect(() => {
    setDetail(null);
    setError(null);
    setRemoved(false);
    setRefused(null);
    setExpanded(new Set());
    void load();
  }, [id]);
  useEvent('delivery.updated', ({ items }) => {
    if (items.some((d) => d.id === id)) void load();
  });
  // The event names no ids: only asking again tells whether this delivery was among those deleted.
  useEvent('deliveries.deleted', () => void load(true));
  // Its updates sent while the live-event connection was down were missed.
  useConnection((reconnected) => reconnected && void load());
  // Cancel and Retry now disable themselves (the delivery is no longer open, or is being sent), after they ran or were
  // refused because the delivery changed meanwhile: the keyboard goes on from the other action, not the page.
  const actions = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    if (!document.activeElement || document.activeElement === document.body)
      actions.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [refocus, detail]);
  const act = (method: 'deliveries.cancel' | 'deliveries.retryNow') =>
    api.call(method, { id }).then(
      async () => {
        setRefused(null);
        await load();
        setRefocus(true);
      },
      // A refusal ('conflict': it finished meanwhile) may mean the shown delivery is stale: its update may be lost.
      async (e: Error) => {
        setRefused({ text: e.message, seq: ++refusals.current });
        await load();
        setRefocus(true);
      },
    );
  if (removed)
    return (
      <p className="notice" role="status">
        This delivery was removed by delivery-log retention or Clear finished.
      </p>
    );
  if (error)
    return (
      <div className="notice notice-error">
        <VisibleText text={error} />
      </div>
    );
  if (!detail) return <p className="muted pad">Loading…</p>;
  const open = detail.state === 'pending' || detail.state === 'held' || detail.state === 'in_flight';
  return (
    <div className="delivery-detail">
      <div className="delivery-detail-head" ref={actions}>
        <span className={`pill delivery-state-${detail.state}`}>{stateLabel(detail.state)}</span>
        <span className="mono break">
          <VisibleText text={`${detail.method} ${detail.url}`} />
        </span>
        <span className="spacer" />
        <button
          className="btn btn-small"
          type="button"
          disabled={detail.state === 'in_flight' || detail.state === 'held'}
          title={
            detail.state === 'held' ? 'Held while its bulk send is paused: resume the bulk send' : undefined
          }
          onClick={() => void act('deliveries.retryNow')}
        >
          Retry now
        </button>
        <button
          className="btn btn-small btn-danger"
          type="button"
          disabled={!open}
          onClick={() => void act('deliveries.cancel')}
        >
          Cancel
        </button>
      </div>
      {refused && (
        <div key={refused.seq} className="notice notice-error" role="alert">
          <VisibleText text={refused.text} />
        </div>
      )}
      <p className="muted delivery-meta">
        <VisibleText text={detail.name || 'unnamed'} /> · {detail.type}
        {detail.bulkJobId !== null ? ` (job ${detail.bulkJobId}, row ${detail.bulkRow ?? '?'})` : ''} · policy{' '}
        {detail.policy} · {attemptProgress(detail)}
        {detail.nextAttemptAtMs !== null ? ` · next attempt ${nextAttempt(detail.nextAttemptAtMs)}` : ''} · id{' '}
        {detail.uid}
      </p>
      <AttemptTimeline attempts={detail.attemptList} state={detail.state} />
      <table className="delivery-table">
        <thead>
          <tr>
            <th>#</th>
            <th>Date</th>
            <th>Code</th>
            <th>Duration</th>
            <th>Next wait</th>
            <th>Response data</th>
            {/* The column of each attempt's Details button: named for a screen reader, blank on screen. */}
            <th aria-label="Details" />
          </tr>
        </thead>
        <tbody>
          {detail.attemptList.map((a, i) => {
            const wait = nextWait(a, detail.attemptList[i + 1], detail.state);
            return (
              <Fragment key={a.id}>
                <tr>
                  <td>
                    {a.attemptNo}
                    {a.manual ? ' (by hand)' : ''}
                  </td>
                  <td>{dateTime(a.startedAtMs)}</td>
                  <td className={statusClass(a.status)}>{a.status ?? a.outcome}</td>
                  <td>{formatDuration(a.durationMs)}</td>
                  <td title={wait.title}>{wait.text}</td>
                  <td className="mono cell-wrap">
                    {a.error ? <VisibleText text={`${a.error} `} /> : ''}
                    <VisibleText text={oneLine(responseText(a), 400)} />
                  </td>
                  <td>
                    <button
                      className="btn btn-small"
                      type="button"
                      aria-expanded={expanded.has(a.id)}
                      aria-label={`Details of attempt ${a.attemptNo}`}
                      onClick={() => toggle(a.id)}
                    >
                      {expanded.has(a.id) ? 'Hide' : 'Details'}
                    </button>
                  </td>
                </tr>
                {expanded.has(a.id) && (
                  <tr>
                    <td colSpan={7} className="attempt-extra-cell">
                      <AttemptExtra attempt={a} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
