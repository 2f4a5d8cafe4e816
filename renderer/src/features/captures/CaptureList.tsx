import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type MouseEvent } from 'react';
import type { CaptureSummary } from '../../../../electron/shared/contract/captures';
import type { Endpoint } from '../../../../electron/shared/contract/endpoints';
import { querySuffix } from '../../../../electron/shared/send/query-suffix';
import { Highlight } from '../../components/Highlight';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { isModalOpen } from '../../components/use-modal-focus';
import { endpointOf, type DeletedEndpoint } from '../../lib/capture-endpoint';
import { formatBytes, formatDateTime, formatListTime, mediaType, statusClass } from '../../lib/format';
import { useLocalDay } from '../../state/use-local-day';
import { firstAtOrBelow } from './newest-first';
import { RowSlots } from './row-slots';
import { toggled, type Selection } from './selection';

export const ROW_HEIGHT = 28;

const MOVE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'j', 'k', 'PageDown', 'PageUp']);

/** A letter key in lower case: with Shift or Caps Lock on, `e.key` is upper case and the shortcut must still work. */
const keyName = (key: string) => (key.length === 1 ? key.toLowerCase() : key);

/** What the list's keys read of a key event: the list's own, or one from the window while nothing has focus. */
type ListKey = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'metaKey' | 'ctrlKey' | 'altKey' | 'preventDefault'>;

interface Props {
  items: CaptureSummary[];
  hasMore: boolean;
  loading: boolean;
  loadMore: () => void;
  /** Loads the list down to this capture: ↑/↓ from a selected capture below the loaded rows wait for it. */
  loadDownTo: (id: number) => void;
  unread: ReadonlySet<number>;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onOpen: (id: number) => void;
  /** False when the delete waits on a question (see DeleteForGoodPrompt): the selection stays. */
  onDelete: (ids: number[]) => boolean;
  /** `r`: replay the selected captures. */
  onReplay: (ids: number[]) => void;
  endpoints: Map<number, Endpoint>;
  query: string;
  /** Changes with the filter: a new filter's matches are read from the newest, not from where the last one was left. */
  filterKey: string;
}

export const CaptureList = memo(function CaptureList({
  items,
  hasMore,
  loading,
  loadMore,
  loadDownTo,
  unread,
  selection,
  onSelect,
  onOpen,
  onDelete,
  onReplay,
  endpoints,
  query,
  filterKey,
}: Props) {
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // No getItemKey: rows are keyed below, and a key function over `items` (new every render) made the virtualizer
    // read every loaded row on every live update.
  });
  const virtualItems = virtualizer.getVirtualItems();
  // Rows are memoised: a new day must redraw them, or yesterday's rows keep a bare clock time that reads as today.
  const today = useLocalDay();

  // Keep the rows the user is reading in place when captures are added or removed above them (arrivals, a range
  // deleted that reached above the screen). The offset comes from scroll events: reading scrollTop here, right after
  // the commit, would force a layout on every live update.
  const shownItems = useRef(items);
  const scrolledTo = useRef(0);
  const onScroll = useCallback(() => {
    scrolledTo.current = scrollRef.current?.scrollTop ?? 0;
  }, []);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = shownItems.current;
    shownItems.current = items;
    if (!el || before === items || scrolledTo.current === 0) return;
    // The first row in sight still listed stays where it is on screen (or, with none left there, the row below them).
    const first = Math.floor(scrolledTo.current / ROW_HEIGHT);
    const onScreen = Math.ceil(el.clientHeight / ROW_HEIGHT);
    let was = first;
    let at = -1;
    for (; was < Math.min(before.length, first + onScreen); was++) {
      at = firstAtOrBelow(items, before[was]!.id);
      if (items[at]?.id === before[was]!.id) break;
    }
    if (at >= 0 && at < items.length && at !== was) {
      scrolledTo.current += (at - was) * ROW_HEIGHT;
      el.scrollTop = scrolledTo.current;
    }
  }, [items]);

  // The row a delete moved the selection to is brought into sight once the deleted rows have gone.
  const revealOnDelete = useRef<number | null>(null);
  const shownBeforeDelete = useRef(0);
  useLayoutEffect(() => {
    const id = revealOnDelete.current;
    if (id === null) return;
    const at = firstAtOrBelow(items, id);
    if (items[at]?.id !== id || items.length === shownBeforeDelete.current) return;
    revealOnDelete.current = null;
    virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [items, virtualizer]);

  // Left deep in the last filter's rows, the list would show the new filter's rows from the 200th or so down.
  const shownFilter = useRef(filterKey);
  useLayoutEffect(() => {
    if (shownFilter.current === filterKey) return;
    shownFilter.current = filterKey;
    scrolledTo.current = 0;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [filterKey]);

  const last = virtualItems[virtualItems.length - 1];
  useEffect(() => {
    if (!last || last.index < items.length - 20 || !hasMore || loading) return;
    // Scroll renders commit inside the scroll event (synchronously, so rows never lag the scroll): start the fetch
    // in a task of its own rather than in that frame.
    const timer = setTimeout(loadMore, 0);
    return () => clearTimeout(timer);
  }, [last, items.length, hasMore, loading, loadMore]);

  // A binary search (the list is newest first): this runs on every render, and a scan of 40,000 rows per live frame showed.
  const indexOf = (id: number | null) => {
    if (id === null) return -1;
    const at = firstAtOrBelow(items, id);
    return items[at]?.id === id ? at : -1;
  };

  const moveTo = (wanted: number, extend: boolean) => {
    const index = Math.max(0, Math.min(items.length - 1, wanted));
    const target = items[index];
    if (!target) return;
    // A range needs its anchor in the list: one hidden by a filter or deleted starts a new selection here instead.
    if (extend && indexOf(selection.anchor) >= 0) {
      const a = indexOf(selection.anchor);
      const lo = Math.min(a, index);
      const hi = Math.max(a, index);
      onSelect({
        active: target.id,
        anchor: selection.anchor,
        ids: new Set(items.slice(lo, hi + 1).map((c) => c.id)),
      });
    } else {
      onSelect({ active: target.id, anchor: target.id, ids: new Set([target.id]) });
    }
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  // PageDown/PageUp move by what the list shows at once, less one row so the row moved from stays in sight.
  const pageRows = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);

  // The active capture may not be listed (opened by a link below the loaded rows, or hidden by the filter): the keys
  // then move from where it would be, among the captures of the current filter.
  const activeAt = indexOf(selection.active);
  const below = activeAt < 0 && selection.active !== null ? firstAtOrBelow(items, selection.active) : -1;
  const down = (rows: number) => (activeAt >= 0 ? activeAt + rows : below >= 0 ? below + rows - 1 : 0);
  const up = (rows: number) => (activeAt >= 0 ? activeAt - rows : below >= 0 ? below - rows : 0);
  const unlistedBelowLoaded =
    activeAt < 0 && selection.active !== null && hasMore && below === items.length && items.length > 0;

  // A move key pressed while the active capture is below the loaded rows: pressed again once they reach it (unless
  // another capture was selected meanwhile).
  const waitingKey = useRef<{ key: ListKey; from: number } | null>(null);

  const onKeyDown = (e: ListKey) => {
    // Unlisted, the active capture counts as where it would be: a delete moves on to the next older capture listed.
    const current = activeAt >= 0 ? activeAt : below >= 0 ? below - 1 : -1;
    /** Loads the list down below capture `id`, then presses this key again. */
    const pressAgainBelow = (id: number) => {
      const key = { key: e.key, shiftKey: e.shiftKey, metaKey: false, ctrlKey: false, altKey: false };
      waitingKey.current = { key: { ...key, preventDefault: () => {} }, from: selection.active! };
      loadDownTo(id);
    };
    const key = keyName(e.key);
    // Delete waits too: the capture it moves on to is on the pages still to load.
    const waits = MOVE_KEYS.has(key) || ((key === 'Delete' || key === 'Backspace') && selection.ids.size > 0);
    if (unlistedBelowLoaded && waits && !e.metaKey && !e.ctrlKey && !e.altKey) {
      e.preventDefault();
      pressAgainBelow(selection.active!);
      return;
    }
    const moveDown = (rows: number) => {
      const wanted = down(rows);
      // Past the last loaded row with more pages to load: the next page has the row to go to.
      if (wanted > items.length - 1 && hasMore && items.length > 0)
        pressAgainBelow(items[items.length - 1]!.id);
      else moveTo(wanted, e.shiftKey);
    };
    switch (key) {
      case 'ArrowDown':
      case 'j':
        e.preventDefault();
        moveDown(1);
        break;
      case 'ArrowUp':
      case 'k':
        e.preventDefault();
        moveTo(up(1), e.shiftKey);
        break;
      case 'PageDown':
        e.preventDefault();
        moveDown(pageRows());
        break;
      case 'PageUp':
        e.preventDefault();
        moveTo(up(pageRows()), e.shiftKey);
        break;
      case 'Home':
        e.preventDefault();
        moveTo(0, e.shiftKey);
        break;
      case 'End':
        e.preventDefault();
        moveTo(items.length - 1, e.shiftKey);
        break;
      case 'Enter':
        if (selection.active !== null) {
          e.preventDefault();
          onOpen(selection.active);
        }
        break;
      case 'Delete':
      case 'Backspace':
        if (selection.ids.size > 0) {
          e.preventDefault();
          const ids = [...selection.ids];
          const next =
            items.find((c, i) => i > current && !selection.ids.has(c.id)) ??
            items.findLast((c) => !selection.ids.has(c.id));
          if (!onDelete(ids)) break;
          revealOnDelete.current = next?.id ?? null;
          shownBeforeDelete.current = items.length;
          onSelect(
            next
              ? { active: next.id, anchor: next.id, ids: new Set([next.id]) }
              : { active: null, anchor: null, ids: new Set() },
          );
        }
        break;
      case 'r':
        if (selection.ids.size > 0 && !e.metaKey && !e.ctrlKey && !e.altKey) {
          e.preventDefault();
          onReplay([...selection.ids]);
        }
        break;
      case 'a':
        if (e.metaKey || e.ctrlKey) {
          e.preventDefault();
          onSelect({ ...selection, ids: new Set(items.map((c) => c.id)) });
        }
        break;
      case 'Escape':
        onSelect({
          active: selection.active,
          anchor: selection.active,
          ids: selection.active === null ? new Set() : new Set([selection.active]),
        });
        break;
    }
  };

  const latestWaiting = useRef({ onKeyDown, unlistedBelowLoaded, loadDownTo, active: selection.active });
  latestWaiting.current = { onKeyDown, unlistedBelowLoaded, loadDownTo, active: selection.active };
  useEffect(() => {
    const waiting = waitingKey.current;
    if (!waiting || loading) return;
    const w = latestWaiting.current;
    if (w.active !== waiting.from) {
      waitingKey.current = null;
    } else if (w.unlistedBelowLoaded) {
      w.loadDownTo(waiting.from);
    } else {
      waitingKey.current = null;
      w.onKeyDown(waiting.key);
    }
  }, [items, hasMore, loading, selection.active]);

  // "Pick a row, or use ↑/↓ (j/k)" shows before anything has focus (a fresh page, a clicked button that went away):
  // with nothing focused, those keys go to the list.
  const latestKeyDown = useRef(onKeyDown);
  latestKeyDown.current = onKeyDown;
  useEffect(() => {
    const onWindowKey = (e: KeyboardEvent) => {
      const unfocused = document.activeElement === null || document.activeElement === document.body;
      if (!unfocused || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (!['ArrowDown', 'ArrowUp', 'j', 'k'].includes(keyName(e.key))) return;
      if (isModalOpen()) return;
      gridRef.current?.focus();
      latestKeyDown.current(e);
    };
    window.addEventListener('keydown', onWindowKey);
    return () => window.removeEventListener('keydown', onWindowKey);
  }, []);

  const handleRowClick = (e: MouseEvent, c: CaptureSummary, index: number) => {
    if (e.shiftKey && indexOf(selection.anchor) >= 0) {
      const a = indexOf(selection.anchor);
      const lo = Math.min(a, index);
      const hi = Math.max(a, index);
      onSelect({
        active: c.id,
        anchor: selection.anchor,
        ids: new Set(items.slice(lo, hi + 1).map((x) => x.id)),
      });
    } else if (e.metaKey || e.ctrlKey) {
      onSelect(toggled(selection, c.id));
    } else {
      onSelect({ active: c.id, anchor: c.id, ids: new Set([c.id]) });
    }
  };

  // Rows are memoised: give them handlers whose identity never changes, calling the latest closures.
  const latest = useRef({ handleRowClick, onOpen });
  latest.current = { handleRowClick, onOpen };
  const onRowClick = useCallback(
    (e: MouseEvent, c: CaptureSummary, index: number) => latest.current.handleRowClick(e, c, index),
    [],
  );
  const onRowOpen = useCallback((id: number) => latest.current.onOpen(id), []);

  // At the top, where live captures land, a row is keyed by its capture: a new capture is a new row (and the
  // rows below just move). Scrolled away from it, rows are keyed by slot and reuse the nodes of rows that left.
  const slots = useRef(new RowSlots());
  const recycle = (virtualizer.scrollOffset ?? 0) > 0;
  if (!recycle) slots.current.reset();
  const slotOf = recycle
    ? slots.current.assign(virtualItems.flatMap((v) => (items[v.index] ? [items[v.index]!.id] : [])))
    : null;
  const rows = virtualItems.map((v) => {
    const c = items[v.index];
    if (!c) {
      return (
        <div key="loader" className="row row-loader" style={{ transform: `translateY(${v.start}px)` }}>
          {loading ? 'Loading…' : ''}
        </div>
      );
    }
    return (
      <Row
        key={slotOf ? `slot-${slotOf.get(c.id)}` : c.id}
        capture={c}
        top={v.start}
        index={v.index}
        selected={selection.ids.has(c.id)}
        active={selection.active === c.id}
        unread={unread.has(c.id)}
        endpoint={endpointOf(c.endpointId, endpoints)}
        query={query}
        today={today}
        onClick={onRowClick}
        onDoubleClick={onRowOpen}
      />
    );
  });
  // Slot order keeps each node where it is in the DOM; aria-rowindex gives the order on screen.
  const slotKey = (key: string | null) => (key?.startsWith('slot-') ? Number(key.slice(5)) : -1);
  if (slotOf) rows.sort((a, b) => slotKey(a.key) - slotKey(b.key));

  // The grid keeps focus and names the active row, so screen readers read the row the arrow keys moved to.
  const activeShown =
    selection.active !== null && virtualItems.some((v) => items[v.index]?.id === selection.active);
  return (
    <div
      className="capture-list"
      role="grid"
      aria-label="Captured requests"
      // With more pages to load the loaded rows are not all of them: -1 says the count is unknown (ARIA).
      aria-rowcount={hasMore ? -1 : items.length + 1}
      aria-multiselectable
      aria-activedescendant={activeShown ? rowId(selection.active!) : undefined}
      ref={gridRef}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="capture-list"
    >
      <div className="list-header row-grid" role="row">
        <span role="columnheader">Time</span>
        <span role="columnheader">Method</span>
        <span role="columnheader">Path</span>
        <span role="columnheader" className="col-endpoint">
          Endpoint
        </span>
        <span role="columnheader" className="num">
          Status
        </span>
        <span role="columnheader" className="num col-size">
          Size
        </span>
        <span role="columnheader" className="col-ctype">
          Content type
        </span>
        <span role="columnheader" className="col-source">
          Source
        </span>
      </div>
      <div
        className="list-scroll"
        ref={scrollRef}
        // Out of the tab order (Chromium makes a scroller a tab stop of its own); a click in it focuses the grid.
        tabIndex={-1}
        onFocus={() => gridRef.current?.focus({ preventScroll: true })}
        onScroll={onScroll}
        data-testid="capture-scroll"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>{rows}</div>
      </div>
    </div>
  );
});

const Row = memo(function Row({
  capture: c,
  top,
  index,
  selected,
  active,
  unread,
  endpoint,
  query,
  onClick,
  onDoubleClick,
}: {
  capture: CaptureSummary;
  top: number;
  index: number;
  selected: boolean;
  active: boolean;
  unread: boolean;
  endpoint: Endpoint | DeletedEndpoint | null;
  query: string;
  /** The local date the time cell was written for (formatListTime leaves today's date out). */
  today: string;
  onClick: (e: MouseEvent, c: CaptureSummary, index: number) => void;
  onDoubleClick: (id: number) => void;
}) {
  const path = `${c.path}${querySuffix(c)}`;
  const source = [c.vendor, c.eventLabel].filter(Boolean).join(' · ');
  return (
    <div
      role="row"
      id={rowId(c.id)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-capture-id={c.id}
      className={`row row-grid ${selected ? 'selected' : ''} ${active ? 'active' : ''} ${unread ? 'unread' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(e) => onClick(e, c, index)}
      onDoubleClick={() => onDoubleClick(c.id)}
    >
      <span
        role="gridcell"
        className="cell time"
        title={`${formatDateTime(c.receivedAtMs)} (${new Date(c.receivedAtMs).toISOString()})`}
      >
        {unread && <span className="unread-dot" aria-label="unread" />}
        {formatListTime(c.receivedAtMs)}
      </span>
      <span role="gridcell" className={`cell method method-${c.method.toLowerCase()}`}>
        {c.method}
      </span>
      <span role="gridcell" className="cell path" title={visibleAttribute(path)}>
        <Highlight text={path} query={query} />
        {c.truncated && <span className="pill pill-warn">truncated</span>}
      </span>
      <span role="gridcell" className="cell endpoint" title={endpointTitle(endpoint)}>
        {endpoint === null ? (
          '—'
        ) : 'deleted' in endpoint ? (
          <span className="muted">deleted #{endpoint.id}</span>
        ) : (
          <VisibleText text={endpoint.name} />
        )}
      </span>
      <span role="gridcell" className={`cell num status ${statusClass(c.responseStatus)}`}>
        {c.responseStatus ?? '—'}
      </span>
      <span role="gridcell" className="cell num size">
        {formatBytes(c.bodySizeBytes)}
      </span>
      <span role="gridcell" className="cell ctype" title={visibleAttribute(c.contentType ?? '')}>
        <VisibleText text={mediaType(c.contentType) || '—'} />
      </span>
      <span
        role="gridcell"
        className="cell source"
        title={[source, fromLine(c)].filter(Boolean).map(visibleAttribute).join('\n')}
      >
        {c.source !== 'receiver' && <span className={`pill pill-${c.source}`}>{c.source}</span>}
        {source ? <VisibleText text={source} /> : c.source === 'receiver' ? '—' : ''}
      </span>
    </div>
  );
});

const rowId = (id: number) => `capture-row-${id}`;

/** The endpoint's whole name, for when its column is too narrow to show it (as for the path and content type). */
function endpointTitle(endpoint: Endpoint | DeletedEndpoint | null): string | undefined {
  if (endpoint === null) return undefined;
  return 'deleted' in endpoint ? `deleted endpoint #${endpoint.id}` : visibleAttribute(endpoint.name);
}

/** Who sent it, as the detail's From line says: for a capture through the tunnel, the sender the tunnel forwarded. */
function fromLine(c: CaptureSummary): string {
  if (c.forwardedSender)
    return `${c.source} from ${c.forwardedSender} (forwarded by the tunnel; connection from ${c.remoteAddress})`;
  return c.remoteAddress ? `${c.source} from ${c.remoteAddress}` : c.source;
}
