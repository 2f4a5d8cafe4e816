import { useEffect, useMemo, useState } from 'react';
import type {
  DeliveryFilter,
  DeliveryState,
  DeliverySummary,
  DeliveryType,
} from '../../../../electron/shared/contract/delivery';
import { useApi } from '../../api';
import { useDeliveriesTick } from './use-deliveries-tick';
import { nextAttempt, oneLine } from './format';
import { openableRow } from './row-keys';
import { stateLabel } from './state-label';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { useFocusLoadedRows } from './use-focus-loaded-rows';

/** In flight too: a first attempt to a slow target has no row in the attempt log until it ends (up to its timeout). */
const WAITING_STATES: readonly DeliveryState[] = ['pending', 'held', 'in_flight'];
const PAGE = 200;

/**
 * Queued deliveries not attempted yet (behind a rate limit or the concurrency gate, held by a paused bulk send, or
 * being sent for the first time): the attempt log has no row for them. Follows the log's type and text filters, and
 * its state filter when that is a waiting state (any other state hides them). Refreshed on engine updates, at most
 * every 500 ms.
 */
export function useWaitingDeliveries({
  types,
  state,
  text,
}: {
  types: DeliveryType[];
  state: DeliveryState | '';
  text: string;
}) {
  const api = useApi();
  const [items, setItems] = useState<DeliverySummary[]>([]);
  const [more, setMore] = useState(false);
  const [pages, setPages] = useState(1);
  const [tick] = useDeliveriesTick();
  const filter = useMemo<DeliveryFilter | null>(() => {
    if (state && !WAITING_STATES.includes(state)) return null;
    return {
      unattempted: true,
      states: state ? [state] : [...WAITING_STATES],
      ...(types.length ? { types } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    };
  }, [types, state, text]);
  // Another filter starts again from the newest page.
  useEffect(() => setPages(1), [filter]);

  useEffect(() => {
    if (!filter) {
      setItems([]);
      setMore(false);
      return;
    }
    let live = true;
    // Every refresh reads as many pages as are shown, so the shown list never mixes two moments' pages.
    const load = async () => {
      const all: DeliverySummary[] = [];
      let cursor: number | null = null;
      for (let i = 0; i < pages; i++) {
        const page: { items: DeliverySummary[]; nextCursor: number | null } = await api.call(
          'deliveries.list',
          { filter, cursor, limit: PAGE },
        );
        all.push(...page.items);
        cursor = page.nextCursor;
        if (cursor === null) break;
      }
      return { all, more: cursor !== null };
    };
    load().then(
      ({ all, more }) => {
        if (!live) return;
        setItems(all);
        setMore(more);
      },
      // The attempt log reports errors of the same engine; an empty list is enough here.
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [api, filter, tick, pages]);

  return { items, more, showMore: () => setPages((n) => n + 1) };
}

/** The waiting deliveries above the attempt log; click one for its detail (which can cancel it). */
export function WaitingDeliveries({
  items,
  more,
  showMore,
  selected,
  onSelect,
}: {
  items: DeliverySummary[];
  more: boolean;
  showMore: () => void;
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const loadedRows = useFocusLoadedRows(items);
  if (items.length === 0) return null;
  return (
    <section className="delivery-waiting">
      <h3 className="delivery-section-title">
        Waiting for a first attempt ({items.length}
        {more ? '+' : ''})
      </h3>
      <table className="delivery-table" aria-label="Waiting deliveries" ref={loadedRows.list} tabIndex={-1}>
        <thead>
          <tr>
            <th>Request</th>
            <th>State</th>
            <th>Next attempt</th>
            <th>Name</th>
            <th>Type</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr
              key={d.id}
              className={d.id === selected ? 'selected' : ''}
              aria-selected={d.id === selected}
              {...openableRow(() => onSelect(d.id))}
            >
              <td className="mono cell" title={visibleAttribute(`${d.method} ${d.url}`)}>
                <VisibleText text={oneLine(`${d.method} ${d.url}`, 80)} />
              </td>
              <td>
                <span className={`pill delivery-state-${d.state}`}>{stateLabel(d.state)}</span>
              </td>
              <td>
                {d.state === 'held'
                  ? 'when its bulk send resumes'
                  : d.state === 'in_flight'
                    ? 'being sent now'
                    : d.nextAttemptAtMs !== null
                      ? nextAttempt(d.nextAttemptAtMs)
                      : 'as soon as a slot frees'}
              </td>
              <td className="cell">
                <VisibleText text={d.name} />
              </td>
              <td>{d.type}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && (
        <p className="muted pad">
          Showing the newest {items.length.toLocaleString()}.{' '}
          <button
            type="button"
            className="btn btn-small"
            data-testid="waiting-more"
            onClick={() => {
              loadedRows.expectMore();
              showMore();
            }}
          >
            Show {PAGE} more
          </button>
        </p>
      )}
    </section>
  );
}
