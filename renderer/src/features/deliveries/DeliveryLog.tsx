import { useEffect, useMemo, useRef, useState } from 'react';
import {
  deliveryState,
  deliveryType,
  type DeliveryFilter,
  type DeliveryState,
  type DeliveryType,
  type LogRow,
} from '../../../../electron/shared/contract/delivery';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useApi } from '../../api';
import { downloadBlob } from '../../components/download';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { DeliveryDetailPanel } from './DeliveryDetailPanel';
import { dateTime, formatDuration, oneLine, statusClass } from './format';
import { formatCount } from '../../lib/format';
import { useDeliveriesTick } from './use-deliveries-tick';
import { useWaitingDeliveries, WaitingDeliveries } from './WaitingDeliveries';
import { openableRow } from './row-keys';
import { stateLabel } from './state-label';
import { Checkbox } from '../../components/Checkbox';
import { useFocusLoadedRows } from './use-focus-loaded-rows';
import { useAnnouncement } from '../../lib/use-announcement';

const TYPES: readonly DeliveryType[] = deliveryType.options;
const STATES: readonly DeliveryState[] = deliveryState.options;
const PAGE = 200;
/** The most a refresh reloads after "Load more" (the API's page limit); beyond it, "Load more" again. */
const MAX_REFRESH = 1000;

/**
 * The delivery log: one row per attempt with the columns of Ontraport's webhook log (request, response code, date,
 * response data, duration, attempt, name, webhook ID, type); filter, search, export; click a row for its timeline.
 */
export function DeliveryLog({
  opened = null,
}: {
  /** A delivery a link asked to open. */ opened?: number | null;
}) {
  const api = useApi();
  const [types, setTypes] = useState<DeliveryType[]>([]);
  const [state, setState] = useState<DeliveryState | ''>('');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<LogRow[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(opened);
  useEffect(() => {
    if (opened !== null) setSelected(opened);
  }, [opened]);
  const [error, setError] = useState<string | null>(null);
  const [tick, bump] = useDeliveriesTick();
  const waiting = useWaitingDeliveries({ types, state, text });
  const filter = useMemo<DeliveryFilter>(
    () => ({
      ...(types.length ? { types } : {}),
      ...(state ? { states: [state] } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    }),
    [types, state, text],
  );

  // The oldest attempt "Load more" has brought in for this filter: a refresh reloads down to it, not just the first
  // page (attempts never change once logged, so the rows above it are exactly what the list should show).
  const loaded = useRef<{ filter: DeliveryFilter; oldest: number | null }>({ filter, oldest: null });
  useEffect(() => {
    let live = true;
    if (loaded.current.filter !== filter) loaded.current = { filter, oldest: null };
    const oldest = loaded.current.oldest;
    api.call('deliveries.log', { filter, limit: oldest === null ? PAGE : MAX_REFRESH }).then(
      (page) => {
        if (!live) return;
        const kept = oldest === null ? page.items : page.items.filter((r) => r.attemptId >= oldest);
        const more = kept.length < page.items.length || page.nextCursor !== null;
        setRows(kept);
        setCursor(more ? (kept.at(-1)?.attemptId ?? page.nextCursor) : null);
        setError(null);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, filter, tick]);

  const loadedRows = useFocusLoadedRows(rows);
  const more = () =>
    cursor !== null &&
    api.call('deliveries.log', { filter, cursor, limit: PAGE }).then(
      (page) => {
        // The filter changed while this page loaded: its rows belong to the list of the old filter.
        if (loaded.current.filter !== filter) return;
        const last = page.items.at(-1);
        if (last) loaded.current.oldest = last.attemptId;
        loadedRows.expectMore();
        setRows((r) => [...r, ...page.items]);
        setCursor(page.nextCursor);
      },
      (e: Error) => setError(e.message),
    );

  const [redact, setRedact] = useState(true);
  const [notice, setNotice] = useAnnouncement<{ text: string }>();
  const exportLog = (format: 'csv' | 'json') =>
    api.call('deliveries.exportLog', { format, filter, redact }).then(
      (out) => {
        downloadBlob(out.content, out.fileName, out.mimeType);
        setNotice(
          out.truncated
            ? {
                text: `Exported only the newest ${formatCount(out.count, 'attempt', 'attempts')}, the most one export holds: older attempts are not in the file. Filter the log (type, state, search) to export them.`,
              }
            : null,
        );
      },
      (e: Error) => setError(e.message),
    );

  const clearFinished = () =>
    api.call('deliveries.clearFinished', {}).then(
      ({ deleted, keptSending }) => {
        setSelected(null);
        const kept =
          keptSending > 0
            ? ` Kept ${formatCount(keptSending, 'delivery', 'deliveries')} stopped while sending, until ${keptSending === 1 ? 'its attempt ends' : 'their attempts end'}.`
            : '';
        setNotice({
          text: `Cleared ${formatCount(deleted, 'finished delivery', 'finished deliveries')}.${kept}`,
        });
        bump();
      },
      (e: Error) => setError(e.message),
    );

  const toggleType = (t: DeliveryType) =>
    setTypes((list) => (list.includes(t) ? list.filter((x) => x !== t) : [...list, t]));

  return (
    <div className="deliveries-log">
      <div className="list-toolbar delivery-toolbar">
        {TYPES.map((t) => (
          <button
            key={t}
            type="button"
            className={`chip ${types.includes(t) ? 'chip-active' : ''}`}
            aria-pressed={types.includes(t)}
            onClick={() => toggleType(t)}
          >
            {t}
          </button>
        ))}
        <select
          aria-label="State"
          value={state}
          onChange={(e) => setState(e.target.value as DeliveryState | '')}
        >
          <option value="">any state</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s)}
            </option>
          ))}
        </select>
        <input
          type="search"
          placeholder="Search URL, name, response…"
          aria-label="Search deliveries"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="spacer" />
        <Checkbox
          checked={redact}
          onChange={setRedact}
          testId="delivery-log-redact"
          title="URL query secrets (api_key, token…) and response fields (access_token…) exported as [redacted]"
        >
          Redact secrets
        </Checkbox>
        <button className="btn btn-small" type="button" onClick={() => void exportLog('csv')}>
          Export CSV
        </button>
        <button className="btn btn-small" type="button" onClick={() => void exportLog('json')}>
          Export JSON
        </button>
        <ConfirmAction
          label="Clear finished…"
          confirmLabel="Delete finished deliveries"
          cancelLabel="Keep them"
          title="Delete succeeded, failed, cancelled and disabled deliveries and their attempts (not queued ones, not ones whose attempt is still out, not bulk sends)"
          onOpen={() => setNotice(null)}
          onConfirm={clearFinished}
        />
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          <VisibleText text={error} />
        </div>
      )}
      {notice && (
        <div key={notice.seq} className="notice" role="status">
          <VisibleText text={notice.text} />
        </div>
      )}
      <div className="deliveries-split">
        <div className="deliveries-table-wrap">
          <WaitingDeliveries
            items={waiting.items}
            more={waiting.more}
            showMore={waiting.showMore}
            selected={selected}
            onSelect={setSelected}
          />
          <table className="delivery-table" aria-label="Delivery log" ref={loadedRows.list} tabIndex={-1}>
            <thead>
              <tr>
                <th>Request</th>
                <th>Response code</th>
                <th>Date</th>
                <th>Response data</th>
                <th>Duration</th>
                <th>Attempt</th>
                <th>Name</th>
                <th>Webhook ID</th>
                <th>Type</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.attemptId}
                  className={r.deliveryId === selected ? 'selected' : ''}
                  aria-selected={r.deliveryId === selected}
                  {...openableRow(() => setSelected(r.deliveryId))}
                >
                  <td className="mono cell" title={visibleAttribute(r.request)}>
                    <VisibleText text={oneLine(r.request, 80)} />
                  </td>
                  <td className={statusClass(r.responseCode)}>
                    {r.responseCode ?? (r.error ? 'error' : r.outcome)}
                  </td>
                  <td>{dateTime(r.dateMs)}</td>
                  <td className="mono cell" title={r.error === null ? undefined : visibleAttribute(r.error)}>
                    <VisibleText text={oneLine(r.responseData || (r.error ?? ''), 80)} />
                  </td>
                  <td>{formatDuration(r.durationMs)}</td>
                  <td>{r.attempt}</td>
                  <td className="cell">
                    <VisibleText text={r.name} />
                  </td>
                  <td>{r.webhookId ?? ''}</td>
                  <td>{r.type}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 &&
            (waiting.items.length > 0 ? (
              <p className="muted pad">No attempts yet.</p>
            ) : (
              <p className="muted pad">
                No deliveries yet. Send one from the composer, replay a capture or start a bulk send.
              </p>
            ))}
          {cursor !== null && (
            <button className="btn btn-small" type="button" onClick={() => void more()}>
              Load more
            </button>
          )}
        </div>
        {selected !== null && (
          <div className="deliveries-detail-wrap">
            <DeliveryDetailPanel id={selected} />
          </div>
        )}
      </div>
    </div>
  );
}
