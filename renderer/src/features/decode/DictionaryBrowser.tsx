import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useApi, useCall, useEvent } from '../../api';
import type { DictionaryEntryRow } from '../../../../electron/shared/contract/decode';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { CustomDictionaries } from './CustomDictionaries';
import { useCustomLabelsForHover } from './custom-labels';
import { customWinners, overriddenBy } from './custom-winners';
import { filterEntries } from './filter-entries';

const ROW_HEIGHT = 30;
const PAGE_ROWS = 10;

/** A row's identity across reloads: a custom row's label may have changed since it was selected. */
const rowKey = (r: DictionaryEntryRow) =>
  r.origin === 'custom'
    ? `custom ${r.dictionaryId} ${r.id} ${r.activityId ?? ''}`
    : `built-in ${r.vendor} ${r.kind} ${r.id} ${r.activityId ?? ''}`;

/** Every known ID (built-in and custom) in one searchable table, plus the custom dictionaries. */
export function DictionaryBrowser() {
  const api = useApi();
  useCustomLabelsForHover(api);
  const entries = useCall('dictionary.entries', {}, 'entries');
  const dictionaries = useCall('dictionary.custom.list', {}, 'custom');
  useEvent('dictionary.changed', () => {
    entries.reload();
    dictionaries.reload();
  });
  const [text, setText] = useState('');
  const [vendor, setVendor] = useState('');
  const [kind, setKind] = useState('');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const rows = useMemo(() => entries.data?.items ?? [], [entries.data]);
  // Looked up in the rows as loaded now, so the details follow an edit and go when the entry is removed.
  const selected = useMemo(
    () => (selectedKey === null ? null : (rows.find((r) => rowKey(r) === selectedKey) ?? null)),
    [rows, selectedKey],
  );
  // Two dictionaries may label one ID: only the later one's label is used, so the other says it is not.
  const winners = useMemo(() => customWinners(rows), [rows]);
  const dictionaryName = (id: number | null) =>
    dictionaries.data?.items.find((d) => d.id === id)?.name ?? `dictionary ${id}`;
  const selectedLoser = selected ? overriddenBy(selected, winners) : null;
  // Only the kinds the chosen vendor has; a kind chosen before the vendor changed stays listed so it can be cleared.
  const kinds = useMemo(() => {
    const set = new Set(rows.filter((r) => !vendor || r.vendor === vendor).map((r) => r.kind));
    if (kind) set.add(kind);
    return [...set].sort();
  }, [rows, vendor, kind]);
  const vendors = useMemo(() => [...new Set(rows.map((r) => r.vendor))].sort(), [rows]);
  const shown = useMemo(() => filterEntries(rows, { text, vendor, kind }), [rows, text, vendor, kind]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    // The table's CSS height, so the first paint shows rows before the element is measured.
    initialRect: { width: 1000, height: 420 },
  });
  // The table is one Tab stop (roving tabindex) over thousands of rows: the arrow keys move between them.
  const [cursor, setCursor] = useState(0);
  const focusPending = useRef(false);
  const moveCount = useRef(0);
  const last = shown.length - 1;
  const current = Math.min(cursor, Math.max(last, 0));
  const rendered = virtualizer.getVirtualItems();
  // A row scrolled out of the rendered window has no element: the first rendered row stands in as the Tab stop.
  const tabStop = rendered.some((v) => v.index === current) ? current : (rendered[0]?.index ?? -1);
  // The row a key moved to may be rendered only after the virtualizer has scrolled to it: focus it once it is there.
  const focusIfDrawn = (index: number): boolean => {
    if (!focusPending.current) return true;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!row) return false;
    focusPending.current = false;
    row.focus();
    return true;
  };
  useEffect(() => void focusIfDrawn(current));
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, last));
    focusPending.current = true;
    setCursor(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // A long jump (End, Home) scrolls over several frames; the row that had focus is gone meanwhile, so look for the
    // new one each frame too, in case the render that drew it came before the scroll settled.
    const move = ++moveCount.current;
    let frames = 0;
    const poll = () => {
      if (move === moveCount.current && !focusIfDrawn(next) && ++frames < 60) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  };
  const onRowKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number, r: DictionaryEntryRow) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
      Home: 0,
      End: last,
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setSelectedKey(rowKey(r));
    } else if (e.key in moves && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    }
  };

  return (
    <div className="dictionary-browser" data-testid="dictionary-browser">
      <div className="panel-toolbar dictionary-toolbar">
        <input
          type="search"
          className="search-box"
          placeholder="Search IDs and labels (str::cn, Campaign name, Tag added…)"
          aria-label="Search the dictionary"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          aria-label="Vendor"
          value={vendor}
          onChange={(e) => {
            const next = e.target.value;
            setVendor(next);
            // A kind the new vendor does not have would show nothing: drop it.
            if (kind && next && !rows.some((r) => r.vendor === next && r.kind === kind)) setKind('');
          }}
        >
          <option value="">All vendors</option>
          {vendors.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
        <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <span className="result-count muted">
          {shown.length.toLocaleString()} of {rows.length.toLocaleString()}
        </span>
      </div>
      {entries.error && (
        <div className="notice notice-error">
          Could not load the dictionary: <VisibleText text={entries.error.message} />
        </div>
      )}
      <div className="dictionary-grid dictionary-head" role="row">
        <span>ID</span>
        <span>Label</span>
        <span>Kind</span>
        <span>In activity</span>
        <span>Type</span>
        <span>Origin</span>
      </div>
      <div className="dictionary-scroll" ref={scrollRef} role="table" aria-label="Known IDs">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = shown[v.index]!;
            return (
              <div
                key={v.key}
                role="row"
                className={`dictionary-grid dictionary-row${selected === r ? ' dictionary-row-selected' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                }}
                data-index={v.index}
                tabIndex={v.index === tabStop ? 0 : -1}
                aria-selected={selected === r}
                onClick={() => setSelectedKey(rowKey(r))}
                onFocus={() => setCursor(v.index)}
                onKeyDown={(e) => onRowKeyDown(e, v.index, r)}
              >
                <span className="mono" title={visibleAttribute(r.id)}>
                  <VisibleText text={r.id} />
                </span>
                <span
                  title={visibleAttribute(r.altLabels.length ? `also: ${r.altLabels.join(', ')}` : r.label)}
                >
                  <VisibleText text={r.label} />
                  {r.altLabels.length > 0 && (
                    <span className="muted">
                      {' · '}
                      <VisibleText text={r.altLabels.join(' · ')} />
                    </span>
                  )}
                </span>
                <span>{r.kind}</span>
                <span className="mono">
                  <VisibleText text={r.activityId ?? ''} />
                </span>
                <span>
                  <VisibleText text={r.displayType ?? ''} />
                </span>
                <span className={r.origin === 'custom' ? 'pill pill-info' : 'muted'}>
                  {r.origin}
                  {overriddenBy(r, winners) ? ' · not used' : ''}
                  {r.confidence && r.confidence !== 'high' ? ` · ${r.confidence}` : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      {selected && (
        <div className="dictionary-detail">
          <div>
            <strong>
              <VisibleText text={selected.label} />
            </strong>{' '}
            <span className="mono">
              <VisibleText text={selected.id} />
            </span>
            {selected.activityId && (
              <>
                {' '}
                in{' '}
                <span className="mono">
                  <VisibleText text={selected.activityId} />
                </span>
              </>
            )}
          </div>
          {selected.origin === 'custom' && (
            <div className="muted">
              custom dictionary: <VisibleText text={dictionaryName(selected.dictionaryId)} />
            </div>
          )}
          {selectedLoser && selected.origin === 'built-in' && (
            <div className="notice notice-warn">
              Not used: the custom dictionary “
              <VisibleText text={dictionaryName(selectedLoser.dictionaryId)} />” labels this ID “
              <VisibleText text={selectedLoser.label} />
              ”, and custom labels win over the built-in ones.
            </div>
          )}
          {selectedLoser && selected.origin === 'custom' && (
            <div className="notice notice-warn">
              Not used: the later dictionary “
              <VisibleText text={dictionaryName(selectedLoser.dictionaryId)} />” labels this ID “
              <VisibleText text={selectedLoser.label} />
              ”, and the later one wins.
            </div>
          )}
          {selected.note && (
            <div className="muted">
              <VisibleText text={selected.note} />
            </div>
          )}
          {selected.sources.map((s, i) => (
            <div key={i} className="muted">
              source: {s}
            </div>
          ))}
        </div>
      )}
      <CustomDictionaries onEdit={(row) => setSelectedKey(rowKey(row))} />
    </div>
  );
}
