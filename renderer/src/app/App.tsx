import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi, useConnection, useEvent } from '../api';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Charts } from '../features/charts/Charts';
import { CaptureList } from '../features/captures/CaptureList';
import { emptySelection, single, withoutIds, type Selection } from '../features/captures/selection';
import { offersUndo, UndoToast, type PendingUndo } from '../features/captures/UndoToast';
import { DeleteForGoodPrompt } from '../features/captures/DeleteForGoodPrompt';
import { useCaptureFeed } from '../features/captures/use-capture-feed';
import { DetailPane, type DetailTabId } from '../features/detail/DetailPane';
import { ReplayDialog } from '../features/detail/ReplayDialog';
import { useCustomLabelsForHover } from '../features/decode';
import { DiffView } from '../features/diff/DiffView';
import { EmptyState } from '../features/empty/EmptyState';
import { EndpointsPanel } from '../features/endpoints/EndpointsPanel';
import { FilterBar } from '../features/search/FilterBar';
import { SearchBox } from '../features/search/SearchBox';
import { ConnectionBanner } from '../features/shell/ConnectionBanner';
import { StatusBar } from '../features/shell/StatusBar';
import { TopBar, type ViewId } from '../features/shell/TopBar';
import { TransferDialog } from '../features/transfer/TransferDialog';
import {
  emptyFilter,
  filterFromParams,
  filterToParams,
  isFiltered,
  toCaptureFilter,
  type FilterState,
} from '../lib/filter-state';
import { useHashParams } from '../state/hash-state';
import { formatCount } from '../lib/format';
import { useTheme } from '../state/theme';
import { useThrottledTick } from '../state/use-throttled';
import { ComposeSlot, DeliveriesSlot, DictionarySlot, TunnelBannerSlot, usePublicUrl } from './slots';
import { useEndpoints } from './use-endpoints';
import { useAppInfo } from './use-app-info';
import { useWindowNow } from './use-window-now';
import { VisibleText } from '../components/VisibleText';

const VIEWS: ViewId[] = ['inspect', 'endpoints', 'compose', 'deliveries', 'dictionary'];

export function App() {
  const api = useApi();
  const theme = useTheme(api);
  useConnection(theme.onConnectionOpen);
  // ID hovers in the Body tab and the composer use the custom labels too, whichever view was opened first.
  useCustomLabelsForHover(api);
  const publicUrl = usePublicUrl();
  const [params, updateParams] = useHashParams();
  const view = (VIEWS as string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as ViewId)
    : 'inspect';
  const filterKey = filterToParams(filterFromParams(params)).toString();
  const filterState = useMemo(() => filterFromParams(new URLSearchParams(filterKey)), [filterKey]);
  // A paused list holds still: its window does not move (each move reloads the list) until it resumes. The feed's
  // paused flag is this state, so however the feed is paused, the window holds.
  const pausedState = useState(false);
  const windowNow = useWindowNow(filterState.since, pausedState[0]);
  const apiFilter = useMemo(
    () => toCaptureFilter(filterState, windowNow ?? Date.now()),
    [filterState, windowNow],
  );
  // A moving window is a new query each step: the feed reloads its list and count.
  const feedKey = windowNow === null ? filterKey : `${filterKey}&now=${windowNow}`;
  const info = useAppInfo();
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [detailTab, setDetailTab] = useState<DetailTabId>('body');
  const [transferOpen, setTransferOpen] = useState(false);
  const feed = useCaptureFeed(apiFilter, feedKey, pausedState);
  const { markRead, paused, setPaused } = feed;
  const togglePaused = useCallback(() => setPaused(!paused), [paused, setPaused]);
  // Panels that summarise activity refresh at most once a second, not on every batch of a burst.
  const activity = useThrottledTick(feed.arrivals, 1000);
  const endpoints = useEndpoints(activity);
  const endpointMap = useMemo(() => new Map(endpoints.map((e) => [e.id, e])), [endpoints]);
  const diffIds = (params.get('diff') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const activeFromHash = Number(params.get('sel')) || null;

  // The selected capture is in the hash so reloads, shared links, Back/Forward and an edited address open it.
  useEffect(() => {
    if (activeFromHash !== null && activeFromHash !== selection.active) setSelection(single(activeFromHash));
  }, [activeFromHash, selection.active]);

  // Rows selected under another filter may be hidden by this one, where Delete N, Replay N and Export's Selected would
  // still act on them unseen: the selection narrows to the capture shown in the detail, as Escape narrows it.
  const selectedUnder = useRef(filterKey);
  useEffect(() => {
    if (selectedUnder.current === filterKey) return;
    selectedUnder.current = filterKey;
    setSelection((s) => (s.ids.size > 1 ? (s.active === null ? emptySelection : single(s.active)) : s));
  }, [filterKey]);

  const setFilter = useCallback(
    (next: FilterState) => updateParams((p) => filterToParams(next, p)),
    [updateParams],
  );
  const [searchClears, setSearchClears] = useState(0);
  const clearFilters = useCallback(() => {
    setSearchClears((n) => n + 1);
    setFilter(emptyFilter);
  }, [setFilter]);
  const setText = useCallback(
    (text: string) => setFilter({ ...filterState, text }),
    [filterState, setFilter],
  );
  const setView = (v: ViewId) =>
    updateParams((p) => (v === 'inspect' ? p.delete('view') : p.set('view', v)), true);

  const select = useCallback(
    (next: Selection) => {
      setSelection(next);
      if (next.active !== null) markRead([next.active]);
      updateParams((p) => (next.active === null ? p.delete('sel') : p.set('sel', String(next.active))));
    },
    [markRead, updateParams],
  );

  const [pendingUndo, setPendingUndo] = useState<PendingUndo | null>(null);
  const deleteNow = useCallback(
    (ids: number[]) => {
      // The list moves the selection on at once; a delete that fails puts it back.
      const before = selection;
      api.call('captures.delete', { ids }).then(
        ({ deleted, undoable }) => {
          setSelection((s) => withoutIds(s, ids));
          updateParams((p) => ids.includes(Number(p.get('sel'))) && p.delete('sel'));
          // A delete made while the last one's offer still shows joins it: one Undo brings both back, where the
          // second offer used to replace the first and leave those captures with no way back.
          setPendingUndo((last) =>
            !undoable
              ? deleted > 0
                ? { ids, deleted, error: null, note: `Deleted ${formatCount(deleted, 'capture')} for good` }
                : null
              : last && offersUndo(last)
                ? { ids: [...last.ids, ...ids], deleted: last.deleted + deleted, error: null }
                : { ids, deleted, error: null },
          );
        },
        (e: unknown) => {
          select(before);
          const failure = `Could not delete: ${e instanceof Error ? e.message : String(e)}`;
          // An earlier delete's offer still stands: losing it would leave those captures with no way back.
          setPendingUndo((last) =>
            last && offersUndo(last) ? { ...last, failure } : { ids: [], deleted: 0, error: failure },
          );
        },
      );
    },
    [api, select, selection, updateParams],
  );
  // More captures than Undo keeps are deleted for good: ask first.
  const [finalDelete, setFinalDelete] = useState<number[] | null>(null);
  const maxUndoable = info?.maxUndoableDelete ?? null;
  const remove = useCallback(
    (ids: number[]) => {
      if (ids.length === 0) return false;
      if (maxUndoable !== null && ids.length > maxUndoable) {
        setFinalDelete(ids);
        return false;
      }
      deleteNow(ids);
      return true;
    },
    [deleteNow, maxUndoable],
  );

  // Deleted anywhere (another window, the CLI, retention): nothing deleted stays selected or open in the detail pane.
  useEvent('capture.deleted', ({ ids, all }) => {
    setSelection((s) => (all ? emptySelection : withoutIds(s, ids)));
    if (all) setPendingUndo((p) => p && { ...p, emptied: true });
    updateParams((p) => {
      if (all || ids.includes(Number(p.get('sel')))) p.delete('sel');
      // A diff of a deleted capture would go on showing it as if it were still kept.
      const diff = (p.get('diff') ?? '').split(',').map(Number);
      if (all || diff.some((id) => ids.includes(id))) p.delete('diff');
    });
  });

  const { reload } = feed;
  const undoDelete = useCallback(() => {
    if (!pendingUndo || pendingUndo.error) return;
    setPendingUndo(null);
    api.call('captures.restore', { ids: pendingUndo.ids }).then(
      ({ restored, expiring }) => {
        // Restored captures keep their old ids, below the newest the list holds: fetch the list again.
        reload();
        if (restored.length === 1) select(single(restored[0]!));
        // Another window or client may have deleted them for good meanwhile (Delete all, the CLI): say so.
        const lost = pendingUndo.deleted - restored.length;
        if (lost > 0)
          setPendingUndo({
            ...pendingUndo,
            error: `Could not undo: ${formatCount(lost, 'capture')} deleted for good since (Delete all or retention, here or in another window)`,
          });
        else if (expiring > 0)
          setPendingUndo({
            ...pendingUndo,
            note: `Restored ${formatCount(restored.length, 'capture')}; ${expiring} ${expiring === 1 ? 'is' : 'are'} beyond the retention limits (Settings) and will be deleted again at the next pass`,
          });
      },
      (e: unknown) =>
        setPendingUndo({
          ...pendingUndo,
          error: `Could not undo: ${e instanceof Error ? e.message : String(e)}`,
        }),
    );
  }, [api, pendingUndo, reload, select]);
  const dismissUndo = useCallback(() => setPendingUndo(null), []);

  const focusList = useCallback(() => document.querySelector<HTMLElement>('.capture-list')?.focus(), []);
  // The Delete buttons go away (or turn disabled) with what they deleted: focus goes to the list, where ↑/↓ go on.
  const removeFromButton = useCallback(
    (ids: number[]) => {
      remove(ids);
      focusList();
    },
    [remove, focusList],
  );

  const openDetail = useCallback(() => {
    document.querySelector<HTMLElement>('.detail-pane .tab.active')?.focus();
  }, []);

  const selectedIds = [...selection.ids];
  const [replayIds, setReplayIds] = useState<number[] | null>(null);
  const replay = useCallback((ids: number[]) => setReplayIds([...ids].sort((a, b) => a - b)), []);
  const search = useMemo(
    () => <SearchBox value={filterState.text} onChange={setText} clears={searchClears} />,
    [filterState.text, setText, searchClears],
  );
  const showEmpty = !feed.loading && feed.total === 0 && !isFiltered(filterState) && feed.items.length === 0;

  return (
    <div className="app" data-view={view}>
      <TopBar
        view={view}
        onView={setView}
        receiverUrl={info?.receiverUrl ?? null}
        publicUrl={publicUrl}
        search={search}
        paused={feed.paused}
        pendingCount={feed.pendingCount}
        onTogglePaused={togglePaused}
        theme={theme}
      />
      <ConnectionBanner />
      <TunnelBannerSlot />
      <main className="main">
        {view === 'inspect' && (
          <div className="inspect">
            <div className="inspect-toolbar">
              <FilterBar
                filter={filterState}
                onChange={setFilter}
                onClear={clearFilters}
                endpoints={endpoints}
                count={feed.total}
              />
              <ErrorBoundary label="Charts">
                <Charts filter={apiFilter} filterKey={filterKey} arrivals={activity} />
              </ErrorBoundary>
            </div>
            {showEmpty ? (
              <EmptyState
                receiverUrl={info?.receiverUrl ?? null}
                onSent={(id) => select(single(id))}
                onImport={() => setTransferOpen(true)}
                heldBack={feed.paused ? feed.pendingCount : 0}
                onResume={togglePaused}
              />
            ) : (
              <div className={`split ${diffIds.length === 2 ? 'split-diff' : ''}`}>
                <div className="list-pane">
                  <div className="list-toolbar">
                    {selectedIds.length > 1 ? (
                      <span data-testid="selected-count">{selectedIds.length} selected</span>
                    ) : (
                      <span className="muted">{feed.items.length.toLocaleString()} loaded</span>
                    )}
                    {feed.unreadCount > 0 && (
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        data-testid="mark-all-read"
                        onClick={feed.markAllRead}
                      >
                        {feed.unreadCount} unread · mark read
                      </button>
                    )}
                    <span className="spacer" />
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="diff-button"
                      disabled={selectedIds.length !== 2}
                      title="Select exactly two captures (Ctrl/⌘-click) to compare them"
                      onClick={() =>
                        updateParams((p) => p.set('diff', selectedIds.sort((a, b) => a - b).join(',')), true)
                      }
                    >
                      Diff
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="transfer-button"
                      onClick={() => setTransferOpen(true)}
                    >
                      Export / Import
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="replay-selected"
                      disabled={selectedIds.length === 0}
                      title="Replay the selected captures (Ctrl/⌘- or Shift-click to select several) to one URL (R)"
                      onClick={() => replay(selectedIds)}
                    >
                      Replay{selectedIds.length > 1 ? ` ${selectedIds.length}` : ''}…
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      data-testid="delete-selected"
                      disabled={selectedIds.length === 0}
                      onClick={() => removeFromButton(selectedIds)}
                    >
                      Delete{selectedIds.length > 1 ? ` ${selectedIds.length}` : ''}
                    </button>
                  </div>
                  {replayIds && <ReplayDialog captureIds={replayIds} onClose={() => setReplayIds(null)} />}
                  {feed.error && (
                    <div className="notice notice-error">
                      <VisibleText text={feed.error} />
                    </div>
                  )}
                  <CaptureList
                    items={feed.items}
                    hasMore={feed.hasMore}
                    loading={feed.loading}
                    loadMore={feed.loadMore}
                    loadDownTo={feed.loadDownTo}
                    unread={feed.unread}
                    selection={selection}
                    onSelect={select}
                    onOpen={openDetail}
                    onDelete={remove}
                    onReplay={replay}
                    endpoints={endpointMap}
                    query={filterState.text}
                    filterKey={filterKey}
                  />
                </div>
                <div className="detail-wrap">
                  {diffIds.length === 2 ? (
                    <ErrorBoundary label="Diff" key={diffIds.join(',')}>
                      <DiffView
                        leftId={diffIds[0]!}
                        rightId={diffIds[1]!}
                        onClose={() => updateParams((p) => p.delete('diff'))}
                      />
                    </ErrorBoundary>
                  ) : selection.active !== null ? (
                    <ErrorBoundary label="Detail" key={selection.active}>
                      <DetailPane
                        id={selection.active}
                        receiverUrl={info?.receiverUrl ?? ''}
                        endpoints={endpointMap}
                        query={filterState.text}
                        onDelete={removeFromButton}
                        tab={detailTab}
                        onTabChange={setDetailTab}
                      />
                    </ErrorBoundary>
                  ) : (
                    <div className="empty-panel">
                      <div className="empty-title">No capture selected</div>
                      <p className="muted">
                        Pick a row, or use ↑/↓ (j/k). Ctrl/⌘-click two rows to diff them.
                      </p>
                    </div>
                  )}
                </div>
              </div>
            )}
          </div>
        )}
        {view === 'endpoints' && (
          <EndpointsPanel
            endpoints={endpoints}
            receiverUrl={info?.receiverUrl ?? null}
            publicUrl={publicUrl}
            onShowCaptures={(id) =>
              updateParams((p) => {
                p.delete('view');
                filterToParams({ ...emptyFilter, endpointId: id }, p);
              }, true)
            }
          />
        )}
        {view === 'compose' && <ComposeSlot />}
        {view === 'deliveries' && <DeliveriesSlot />}
        {view === 'dictionary' && <DictionarySlot />}
      </main>
      <StatusBar version={info?.version ?? null} arrivals={activity} />
      {pendingUndo && (
        <UndoToast
          pending={pendingUndo}
          onUndo={undoDelete}
          onDismiss={dismissUndo}
          onButtonGone={focusList}
        />
      )}
      {finalDelete && maxUndoable !== null && (
        <DeleteForGoodPrompt
          count={finalDelete.length}
          maxUndoable={maxUndoable}
          onConfirm={() => {
            setFinalDelete(null);
            deleteNow(finalDelete);
            document.querySelector<HTMLElement>('.capture-list')?.focus();
          }}
          onCancel={() => {
            setFinalDelete(null);
            document.querySelector<HTMLElement>('.capture-list')?.focus();
          }}
        />
      )}
      {transferOpen && (
        <TransferDialog
          selectedIds={selectedIds}
          filter={apiFilter}
          filteredCount={feed.total}
          onClose={() => setTransferOpen(false)}
        />
      )}
    </div>
  );
}
