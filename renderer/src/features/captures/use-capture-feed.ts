import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CaptureFilter, CaptureSummary } from '../../../../electron/shared/contract/captures';
import { useApi, useConnection, useEvent } from '../../api';
import { isBackwardsTimeRange } from '../../lib/backwards-time-range';
import { matchesLocally } from '../../lib/filter-state';
import { createFrameBatcher, type FrameBatcher } from '../../state/frame-batcher';
import { listRows, listRowsDownTo } from './list-rows';
import { mergeNewest } from './merge-newest';
import { isListed } from './newest-first';

const PAGE = 200;
/**
 * A list fetched again in place (an undo, a reconnect) reads as many rows as were loaded, up to this many, so the rows
 * the user was reading are still there: one page alone shortened the list under them and moved it to other rows.
 */
const KEPT_ROWS = 10_000;
/** Pages the head refresh reads below the newest match before it starts over instead (a burst of 5,000 matches). */
const HEAD_PAGES = 10;
const HEAD_PAGE = 500;
/** While paused, keep at most this many arrivals in memory; beyond it, resuming refetches the head. */
const PENDING_CAP = 2000;

export interface CaptureFeed {
  items: CaptureSummary[];
  total: number | null;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
  /** Loads pages until the list reaches down to this capture (one opened by a link below the loaded rows). */
  loadDownTo: (id: number) => void;
  /** The same Set object across renders (mutated in place); `unreadCount` changes when it does. */
  unread: ReadonlySet<number>;
  unreadCount: number;
  markRead: (ids: number[]) => void;
  markAllRead: () => void;
  paused: boolean;
  setPaused: (paused: boolean) => void;
  pendingCount: number;
  /** Bumps whenever captures arrive (for charts that refresh on activity). */
  arrivals: number;
  /** Fetch the list and the count again, as many rows as are loaded (after captures came back under old ids, say). */
  reload: () => void;
}

/**
 * The list's data: pages fetched by keyset cursor (newest first), live arrivals prepended from `capture.created`
 * batches, deletions and decoder updates applied in place. Never loads more than the user scrolls to.
 */
/** The paused flag and its setter, when the caller owns it (a time window that must hold still while paused). */
export type PausedState = readonly [boolean, (paused: boolean) => void];

export function useCaptureFeed(
  filter: CaptureFilter,
  filterKey: string,
  pausedState?: PausedState,
): CaptureFeed {
  const api = useApi();
  const [items, setItems] = useState<CaptureSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [nextCursor, setNextCursor] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Mutated in place (copying a 10k-entry set on every batch shows up at 1,000 captures/s); the version re-renders.
  const unreadRef = useRef(new Set<number>());
  const [unreadVersion, setUnreadVersion] = useState(0);
  const touchUnread = useCallback(() => setUnreadVersion((v) => v + 1), []);
  /** Deleted while unread: an undo brings them back unread. */
  const deletedUnread = useRef(new Set<number>());
  const ownPaused = useState(false);
  const [paused, setPausedState] = pausedState ?? ownPaused;
  const [pendingCount, setPendingCount] = useState(0);
  const [arrivals, setArrivals] = useState(0);
  const generation = useRef(0);
  const pending = useRef<CaptureSummary[]>([]);
  const overflowed = useRef(false);
  /** Past the cap, the ids of what a paused list counted but does not hold: each counted once, and deletes subtracted. */
  const countedNotHeld = useRef(new Set<number>());
  const pausedRef = useRef(false);
  const headTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const headInFlight = useRef(false);
  /** Arrivals came while a head refresh was in flight: refresh again once it is answered. */
  const headAgain = useRef(false);
  /** The head refresh's count, one at a time (seconds for a header filter at a million captures), and whether to ask again. */
  const headCountInFlight = useRef(false);
  const headCountAgain = useRef(false);
  const batcher = useRef<FrameBatcher<CaptureSummary> | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const nextCursorRef = useRef(nextCursor);
  nextCursorRef.current = nextCursor;
  /** The newest capture id seen filed (`capture.created`), and how far the search index had reached (`index.progress`). */
  const latestFiled = useRef(-Infinity);
  const knownIndexedUpTo = useRef(-Infinity);
  /**
   * Every match with an id up to this one (down to the last loaded row) was in the engine's answer to the last head
   * fetch: filed, and for a search, indexed, before that fetch was sent. A head refresh reads down to here, so matches
   * the index reached after an earlier refresh are merged in, not skipped for being older than the top.
   */
  const coveredThrough = useRef(-Infinity);
  const coverageNow = useCallback(
    () =>
      filterRef.current.text ? Math.min(knownIndexedUpTo.current, latestFiled.current) : latestFiled.current,
    [],
  );
  /**
   * The newest capture id that `total` already counts. A count answered by the engine includes captures whose
   * `capture.created` may still be waiting for the next frame; counting only ids above this keeps them from being
   * counted twice.
   */
  const countedTop = useRef(-Infinity);
  /**
   * The total from a count the engine answered, plus the listed captures newer than the newest one it counted: the
   * count and the pages asked with it may be answered from different moments.
   */
  const totalFrom = useCallback(
    (count: { count: number; newestId: number | null }, known: CaptureSummary[]) => {
      const counted = count.newestId ?? -Infinity;
      const newer = new Set<number>();
      let top = Math.max(countedTop.current, counted);
      for (const c of known) {
        if (c.id > counted) newer.add(c.id);
        if (c.id > top) top = c.id;
      }
      countedTop.current = top;
      return count.count + newer.size;
    },
    [],
  );
  /** Of `fresh`, how many `total` does not count yet (and count them from now on). */
  const uncounted = useCallback((fresh: CaptureSummary[]) => {
    let n = 0;
    let top = countedTop.current;
    for (const c of fresh) {
      if (c.id > countedTop.current) n++;
      if (c.id > top) top = c.id;
    }
    countedTop.current = top;
    return n;
  }, []);

  /**
   * Ids deleted since the current list was first fetched: an answer to a fetch sent before a delete can still hold
   * them, and must not bring them back.
   */
  const deletedSinceReset = useRef(new Set<number>());
  const notDeleted = useCallback((items: CaptureSummary[]) => {
    const gone = deletedSinceReset.current;
    return gone.size === 0 ? items : items.filter((c) => !gone.has(c.id));
  }, []);

  /** Starts the list over from the newest match: one page, or with `keepLoaded` as many rows as are loaded now. */
  const reset = useCallback(
    (keepLoaded = false) => {
      const rows = keepLoaded ? Math.min(KEPT_ROWS, Math.max(PAGE, itemsRef.current.length)) : PAGE;
      const gen = ++generation.current;
      deletedSinceReset.current = new Set();
      setLoading(true);
      setError(null);
      // The first page is fetched after these were committed, so it holds them. Panels that summarise activity (status
      // bar, charts, endpoint counts) must still hear of them: an undo's restored captures arrive as its list refetches.
      if (batcher.current?.clear()) setArrivals((n) => n + 1);
      // The same list read again while paused (an undo, a reconnect) still holds what arrived: resuming shows it.
      const holdOn = keepLoaded && pausedRef.current && !overflowed.current;
      const held = holdOn && pending.current.length ? new Set(pending.current.map((c) => c.id)) : null;
      if (!holdOn) {
        pending.current = [];
        overflowed.current = false;
        countedNotHeld.current = new Set();
        setPendingCount(0);
      }
      // Unknown until this filter's count answers: the last filter's total must not stand next to this one's list.
      setTotal(null);
      if (isBackwardsTimeRange(filterRef.current)) {
        setItems([]);
        setNextCursor(null);
        setTotal(0);
        setLoading(false);
        return;
      }
      const covered = coverageNow();
      const failed = (e: unknown) => {
        if (gen !== generation.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
        // Rows of the filter before stood under the error as if they matched this one (a list read again in place
        // keeps the same filter's rows).
        if (!keepLoaded) {
          setItems([]);
          setNextCursor(null);
        }
      };
      // The page is shown as soon as it answers: at a million captures a filter's count reads every match (seconds for
      // a header filter) where the page takes a millisecond.
      const shown = listRows(api, filterRef.current, rows).then((page) => {
        if (gen !== generation.current) return false;
        const listed = notDeleted(page.items).filter((c) => !held?.has(c.id));
        // Held since this read was sent (a capture an undo restored, announced before this page): the page lists it.
        let listedNow = 0;
        if (pausedRef.current && pending.current.length) {
          const onPage = new Set(listed.map((c) => c.id));
          const stillHeld = pending.current.filter((c) => !onPage.has(c.id));
          listedNow = pending.current.length - stillHeld.length;
          pending.current = stillHeld;
        }
        coveredThrough.current = covered;
        countedTop.current = -Infinity;
        // Committed now, so the count (applied after this) is added to this list and the arrivals merged into it.
        flushSync(() => {
          if (listedNow) setPendingCount((n) => Math.max(0, n - listedNow));
          setItems(listed);
          setNextCursor(page.nextCursor);
          setLoading(false);
        });
        return true;
      }, failed);
      Promise.all([shown, api.call('captures.count', { filter: filterRef.current })]).then(
        ([listed, count]) => {
          if (!listed || gen !== generation.current) return;
          setTotal(totalFrom(count, itemsRef.current));
        },
        failed,
      );
    },
    [api, coverageNow, notDeleted, totalFrom],
  );

  useEffect(() => reset(), [reset, filterKey]);

  /** Adds a page read below the loaded rows (the answer of fetch generation `gen`) at the bottom of the list. */
  const appendBelow = useCallback(
    (gen: number, read: Promise<{ items: CaptureSummary[]; nextCursor: number | null }>) => {
      setLoading(true);
      read.then(
        (page) => {
          if (gen !== generation.current) return;
          setItems((prev) => {
            const last = prev[prev.length - 1]?.id ?? Infinity;
            return prev.concat(notDeleted(page.items).filter((c) => c.id < last));
          });
          setNextCursor(page.nextCursor);
          setLoading(false);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          setError(e instanceof Error ? e.message : String(e));
          setLoading(false);
        },
      );
    },
    [notDeleted],
  );

  const loadMore = useCallback(() => {
    if (loading || nextCursor === null) return;
    appendBelow(
      generation.current,
      api.call('captures.list', { filter: filterRef.current, cursor: nextCursor, limit: PAGE }),
    );
  }, [api, loading, nextCursor, appendBelow]);

  const loadDownTo = useCallback(
    (id: number) => {
      const cursor = nextCursorRef.current;
      const bottom = itemsRef.current[itemsRef.current.length - 1]?.id ?? Infinity;
      if (loading || cursor === null || bottom < id) return;
      appendBelow(generation.current, listRowsDownTo(api, filterRef.current, cursor, id));
    },
    [api, loading, appendBelow],
  );

  const prepend = useCallback(
    (fresh: CaptureSummary[]) => {
      if (fresh.length === 0) return;
      const morePagesBelow = nextCursorRef.current !== null;
      // Already listed, it is not new here: an undo's list fetched again can be answered before the engine's
      // announcement of the restored captures reaches this window, and a read one must not turn unread.
      const shown = itemsRef.current;
      const top = shown[0]?.id ?? -Infinity;
      let listed: Set<number> | null = null;
      for (const c of fresh) {
        if (c.id <= top && (listed ??= new Set(shown.map((x) => x.id))).has(c.id)) continue;
        unreadRef.current.add(c.id);
      }
      setItems((prev) => mergeNewest(prev, fresh, morePagesBelow));
      touchUnread();
    },
    [touchUnread],
  );

  /**
   * Held while paused; past the cap only counted (resuming then starts over). Each capture once: a head refresh can
   * read one before its own `capture.created` reaches this window.
   */
  const hold = useCallback((fresh: CaptureSummary[]) => {
    const counted = countedNotHeld.current;
    const held = pending.current.length ? new Set(pending.current.map((c) => c.id)) : null;
    const uncountedYet = fresh.filter((c) => !counted.has(c.id) && !held?.has(c.id));
    if (pending.current.length + uncountedYet.length > PENDING_CAP) overflowed.current = true;
    if (overflowed.current) for (const c of uncountedYet) counted.add(c.id);
    else pending.current.push(...uncountedYet);
    setPendingCount((n) => n + uncountedYet.length);
  }, []);

  /**
   * Full-text, header and vendor filters can only be evaluated by the engine: ask it for the newest matches, reading
   * down to what the last answer covered, and merge in whatever is not listed yet.
   */
  const refreshHead = useCallback(() => {
    if (headTimer.current || isBackwardsTimeRange(filterRef.current)) return;
    headTimer.current = setTimeout(() => {
      headTimer.current = null;
      // One refresh at a time: at 200k captures a header filter's list and count take a second, and refreshes sent
      // every 250 ms while captures keep arriving queued up in the engine and held the receiver's answers for seconds.
      if (headInFlight.current) {
        headAgain.current = true;
        return;
      }
      headInFlight.current = true;
      const gen = generation.current;
      const covered = coverageNow();
      const loaded = itemsRef.current;
      const bottom =
        nextCursorRef.current !== null ? (loaded[loaded.length - 1]?.id ?? -Infinity) : -Infinity;
      const readDownTo = Math.max(coveredThrough.current, bottom);
      const readHead = async (): Promise<{ found: CaptureSummary[]; complete: boolean }> => {
        const found: CaptureSummary[] = [];
        let cursor: number | null = null;
        for (let pages = 0; pages < HEAD_PAGES; pages++) {
          const page: { items: CaptureSummary[]; nextCursor: number | null } = await api.call(
            'captures.list',
            {
              filter: filterRef.current,
              cursor,
              limit: pages === 0 ? PAGE : HEAD_PAGE,
            },
          );
          found.push(...page.items);
          const last = page.items[page.items.length - 1]?.id ?? -Infinity;
          if (page.nextCursor === null || last <= readDownTo) return { found, complete: true };
          cursor = page.nextCursor;
        }
        return { found, complete: false }; // more new matches than it is worth merging: start over
      };
      // The new matches are shown as soon as they are read; the count (seconds for a header filter at a million
      // captures) corrects the total when it answers.
      const shown = readHead().then(({ found, complete }) => {
        if (gen !== generation.current) return null;
        if (!complete && !pausedRef.current) {
          reset();
          return null;
        }
        coveredThrough.current = Math.max(coveredThrough.current, covered);
        const listed = new Set(itemsRef.current.map((c) => c.id));
        for (const c of pending.current) listed.add(c.id);
        const fresh = notDeleted(found).filter((c) => !listed.has(c.id) && c.id > bottom);
        if (pausedRef.current) {
          // As for arrivals matched here: a paused list is not reloaded, and past the cap it starts over on resume.
          if (!complete) overflowed.current = true;
          hold(fresh);
          return null;
        }
        prepend(fresh);
        const added = uncounted(fresh);
        if (added) setTotal((t) => (t === null ? t : t + added));
        return fresh;
      });
      // The next refresh waits for this one's list, not for its count: matches arriving during a count that takes
      // seconds were held back until it answered.
      shown
        .catch(() => null)
        .finally(() => {
          headInFlight.current = false;
          if (headAgain.current) {
            headAgain.current = false;
            refreshHeadRef.current();
          }
        });
      countHeadRef.current();
    }, 250);
  }, [api, prepend, coverageNow, reset, notDeleted, uncounted, hold]);

  const countHead = useCallback(() => {
    if (isBackwardsTimeRange(filterRef.current)) return;
    if (headCountInFlight.current) {
      headCountAgain.current = true;
      return;
    }
    headCountInFlight.current = true;
    const gen = generation.current;
    api
      .call('captures.count', { filter: filterRef.current })
      .then(
        (count) => {
          if (gen !== generation.current || pausedRef.current) return;
          setTotal(totalFrom(count, [...itemsRef.current, ...pending.current]));
        },
        () => undefined,
      )
      .finally(() => {
        headCountInFlight.current = false;
        if (headCountAgain.current) {
          headCountAgain.current = false;
          countHeadRef.current();
        }
      });
  }, [api, totalFrom]);
  const countHeadRef = useRef(countHead);
  countHeadRef.current = countHead;
  const refreshHeadRef = useRef(refreshHead);
  refreshHeadRef.current = refreshHead;

  /**
   * The custom labels changed: the engine labels every stored capture again and indexes it again, so a search or a
   * vendor filter matches other captures — older ones too, which a head refresh never reads. Once both have finished,
   * the list is fetched again (on resume, if paused).
   */
  const relabel = useRef({ stale: false, running: false, indexLagRows: 0 });
  const reloadIfRelabelled = useCallback(() => {
    const r = relabel.current;
    if (!r.stale || r.running || r.indexLagRows > 0) return false;
    r.stale = false;
    const f = filterRef.current;
    if (!f.text && !f.vendor) return false;
    if (pausedRef.current) overflowed.current = true;
    else reset();
    return true;
  }, [reset]);
  useEvent('relabel.progress', ({ running }) => {
    relabel.current.running = running;
    if (running) relabel.current.stale = true;
    else reloadIfRelabelled();
  });

  // A search lists only what the index has reached: as it catches up with a burst, its matches appear. The mark follows
  // the engine down too: indexing everything again (the custom labels changed) starts over from the oldest capture.
  useEvent('index.progress', ({ indexedUpTo, lagRows }) => {
    knownIndexedUpTo.current = indexedUpTo;
    relabel.current.indexLagRows = lagRows;
    if (reloadIfRelabelled()) return;
    if (filterRef.current.text && indexedUpTo > coveredThrough.current) refreshHead();
  });

  useEffect(
    () => () => {
      if (headTimer.current) clearTimeout(headTimer.current);
    },
    [],
  );

  // Captures that arrived between the first page and the event stream opening were not pushed to us: fetch them.
  // After a drop, deletions may have been missed too, so start over.
  useConnection((reconnected) => (reconnected ? reset(true) : refreshHead()));

  /**
   * The count asked again (debounced: retention deletes in chunks) when deletes reached captures this page does not
   * hold, which may or may not match the filter, and when deleted captures come back.
   */
  const recountTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const recount = useCallback(() => {
    if (recountTimer.current || isBackwardsTimeRange(filterRef.current)) return;
    recountTimer.current = setTimeout(() => {
      recountTimer.current = null;
      const gen = generation.current;
      api.call('captures.count', { filter: filterRef.current }).then(
        (count) => {
          if (gen !== generation.current) return;
          setTotal(totalFrom(count, [...itemsRef.current, ...pending.current]));
        },
        () => undefined,
      );
    }, 300);
  }, [api, totalFrom]);
  useEffect(() => () => void (recountTimer.current && clearTimeout(recountTimer.current)), []);

  const arrived = useCallback(
    (batch: CaptureSummary[]) => {
      setArrivals((n) => n + 1);
      for (const c of batch) if (c.id > latestFiled.current) latestFiled.current = c.id;
      if (deletedUnread.current.size) {
        for (const c of batch) if (deletedUnread.current.delete(c.id)) unreadRef.current.add(c.id);
        touchUnread();
      }
      // Deleted and brought back (an undo, in this window or another) while this list was open: a search's head refresh
      // reads only above the newest id it has, so under its old id the capture would never come back. Fetch the list
      // again, as the undoing window does.
      if (batch.some((c) => deletedSinceReset.current.has(c.id))) {
        reset(true);
        return;
      }
      const f = filterRef.current;
      const verdicts = batch.map((c) => matchesLocally(f, c));
      if (verdicts.includes(null)) {
        refreshHead();
        return;
      }
      const matching = batch.filter((_, i) => verdicts[i]);
      if (matching.length === 0) return;
      // Captures restored by an undo (here or in another window) come back under ids the count has already passed,
      // so adding only newer ids would leave them uncounted: ask for the count again instead.
      // Looked up, not gathered into a set: with 40,000 rows loaded a set of them per frame was most of the frame.
      const restored = matching.filter(
        (c) => c.id <= countedTop.current && !isListed(itemsRef.current, c.id),
      );
      for (const c of restored) deletedSinceReset.current.delete(c.id);
      if (restored.length) recount();
      if (pausedRef.current) {
        // A first page can be answered before the push event of a capture it holds: that one is not new.
        const unlisted = matching.filter((c) => !isListed(itemsRef.current, c.id));
        if (unlisted.length) hold(unlisted);
        return;
      }
      prepend(matching);
      const added = uncounted(matching);
      if (added) setTotal((t) => (t === null ? t : t + added));
    },
    [hold, prepend, recount, refreshHead, reset, touchUnread, uncounted],
  );
  // Arrivals are applied once per frame, committed synchronously in that frame (before it paints): at 1,000
  // captures/s the engine sends ~180 batches a second, and a render per batch left the page little time to paint.
  const arrivedRef = useRef(arrived);
  arrivedRef.current = arrived;
  batcher.current ??= createFrameBatcher((batch) => flushSync(() => arrivedRef.current(batch)));
  useEffect(() => () => void batcher.current?.clear(), []);

  useEvent('capture.created', ({ items: batch }) => batcher.current?.push(batch));

  useEvent('capture.deleted', ({ ids, all }) => {
    batcher.current?.flush();
    if (all) {
      // Whatever a fetch sent before this answers is gone: drop those answers (a first page in flight, say).
      generation.current++;
      deletedSinceReset.current = new Set();
      setLoading(false);
      setItems([]);
      setTotal(0);
      setNextCursor(null);
      pending.current = [];
      countedNotHeld.current = new Set();
      setPendingCount(0);
      unreadRef.current.clear();
      deletedUnread.current.clear();
      touchUnread();
      return;
    }
    const gone = new Set(ids);
    let wasUnread = false;
    for (const id of ids) {
      deletedSinceReset.current.add(id);
      if (unreadRef.current.delete(id)) {
        deletedUnread.current.add(id);
        wasUnread = true;
      }
    }
    // "N unread" counts what can still be read: deleted unopened (a selection, retention) it no longer can.
    if (wasUnread) touchUnread();
    // Held while paused: a deleted one must not come back when the list resumes.
    const held = pending.current.filter((c) => !gone.has(c.id));
    let dropped = pending.current.length - held.length;
    pending.current = held;
    for (const id of ids) if (countedNotHeld.current.delete(id)) dropped++;
    if (dropped) setPendingCount((n) => Math.max(0, n - dropped));
    const loaded = new Set(itemsRef.current.map((c) => c.id));
    if (ids.some((id) => !loaded.has(id))) recount();
    setItems((prev) => {
      const next = prev.filter((c) => !gone.has(c.id));
      const removed = prev.length - next.length;
      if (removed) setTotal((t) => (t === null ? t : Math.max(0, t - removed)));
      return next;
    });
  });

  useEvent('capture.updated', ({ items: updated }) => {
    batcher.current?.flush();
    const byId = new Map(updated.map((c) => [c.id, c]));
    // An update can take a capture out of the filter: a response recorded but never sent (the sender gave up during
    // the rule's delay) is no response, so a status filter no longer matches it, as the engine's count says.
    const f = filterRef.current;
    const left = new Set(updated.filter((c) => matchesLocally(f, c) === false).map((c) => c.id));
    // Held while paused too: a body over 64 KB is labelled after it is filed, and must not resume unlabelled.
    if (pending.current.some((c) => byId.has(c.id))) {
      const held = pending.current.filter((c) => !left.has(c.id));
      const dropped = pending.current.length - held.length;
      pending.current = held.map((c) => byId.get(c.id) ?? c);
      if (dropped) setPendingCount((n) => Math.max(0, n - dropped));
    }
    let wasUnread = false;
    for (const id of left) wasUnread = unreadRef.current.delete(id) || wasUnread;
    if (wasUnread) touchUnread();
    setItems((prev) => {
      if (!prev.some((c) => byId.has(c.id))) return prev;
      const next = prev.filter((c) => !left.has(c.id)).map((c) => byId.get(c.id) ?? c);
      const removed = prev.length - next.length;
      if (removed) setTotal((t) => (t === null ? t : Math.max(0, t - removed)));
      return next;
    });
  });

  const setPaused = useCallback(
    (next: boolean) => {
      pausedRef.current = next;
      setPausedState(next);
      if (next) return;
      const buffered = pending.current;
      const counted = countedNotHeld.current;
      pending.current = [];
      countedNotHeld.current = new Set();
      setPendingCount(0);
      if (overflowed.current) {
        overflowed.current = false;
        // The list is fetched again, so nothing is prepended: the arrivals it held or counted are new all the same.
        for (const c of buffered) unreadRef.current.add(c.id);
        for (const id of counted) unreadRef.current.add(id);
        touchUnread();
        reset();
        return;
      }
      prepend(buffered);
      const added = uncounted(buffered);
      if (added) setTotal((t) => (t === null ? t : t + added));
    },
    [prepend, reset, uncounted, setPausedState, touchUnread],
  );

  const markRead = useCallback(
    (ids: number[]) => {
      let changed = false;
      for (const id of ids) changed = unreadRef.current.delete(id) || changed;
      if (changed) touchUnread();
    },
    [touchUnread],
  );
  const markAllRead = useCallback(() => {
    unreadRef.current.clear();
    deletedUnread.current.clear();
    touchUnread();
  }, [touchUnread]);

  const reload = useCallback(() => reset(true), [reset]);

  return useMemo(
    () => ({
      items,
      total,
      hasMore: nextCursor !== null,
      loading,
      error,
      loadMore,
      loadDownTo,
      unread: unreadRef.current,
      unreadCount: unreadRef.current.size,
      markRead,
      markAllRead,
      paused,
      setPaused,
      pendingCount,
      arrivals,
      reload,
    }),
    [
      reload,
      items,
      total,
      nextCursor,
      loading,
      error,
      loadMore,
      loadDownTo,
      unreadVersion,
      markRead,
      markAllRead,
      paused,
      setPaused,
      pendingCount,
      arrivals,
    ],
  );
}
