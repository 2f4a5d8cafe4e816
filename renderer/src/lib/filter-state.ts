import type { CaptureFilter, CaptureSummary } from '../../../electron/shared/contract/captures';
import { expandStatuses, statusFilterValue } from '../../../electron/shared/status-filter';
import { contentTypeFilterValue, isContentTypeFilter } from '../../../electron/shared/content-type-filter';
import { httpToken } from '../../../electron/shared/http-token';

export { contentTypeFilterValue, expandStatuses };

export type TimePreset = '5m' | '1h' | '24h' | '7d';
export const timePresets: Record<TimePreset, number> = {
  '5m': 5 * 60_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
};

/** What the search bar and chips hold; serialised to the URL hash so a view can be shared or reloaded. */
export interface FilterState {
  text: string;
  methods: string[];
  /** Exact codes ("404") or classes ("4xx"). */
  statuses: string[];
  contentTypes: string[];
  endpointId: number | null;
  since: TimePreset | null;
  fromMs: number | null;
  toMs: number | null;
  header: { name: string; value: string | null } | null;
}

export const emptyFilter: FilterState = {
  text: '',
  methods: [],
  statuses: [],
  contentTypes: [],
  endpointId: null,
  since: null,
  fromMs: null,
  toMs: null,
  header: null,
};

export function isFiltered(f: FilterState): boolean {
  return (
    f.text.trim() !== '' ||
    f.methods.length > 0 ||
    f.statuses.length > 0 ||
    f.contentTypes.length > 0 ||
    f.endpointId !== null ||
    f.since !== null ||
    f.fromMs !== null ||
    f.toMs !== null ||
    f.header !== null
  );
}

const list = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const num = (value: string | null) => {
  if (value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};
/**
 * A time: one a Date cannot hold (`from=99999999999999999` in an edited link) showed "NaN-NaN-NaN" on the Time chip and
 * took the whole page down when the Time menu opened. A day inside the limit, so the local-time shift of any zone fits.
 */
const time = (value: string | null) => {
  const n = num(value);
  return n !== null && Math.abs(n) <= 8.64e15 - 86_400_000 ? n : null;
};
/** An id: the API takes whole numbers only, so `ep=1.5` is dropped like any other junk, not sent to fail the list. */
const id = (value: string | null) => {
  const n = num(value);
  return n !== null && Number.isSafeInteger(n) ? n : null;
};

export function filterFromParams(params: URLSearchParams): FilterState {
  const since = params.get('since');
  // Trimmed as the Header form trims them: a received header never carries whitespace around its name or value.
  const headerName = params.get('h')?.trim();
  const headerValue = params.get('hv')?.trim() || null;
  return {
    text: params.get('q') ?? '',
    // A method or content type the API would refuse is dropped, as junk statuses and ids are.
    methods: list(params.get('method'))
      .filter((m) => httpToken.test(m))
      .map((m) => m.toUpperCase()),
    statuses: list(params.get('status'))
      .map(statusFilterValue)
      .filter((s) => s !== null),
    contentTypes: [
      ...new Set(list(params.get('ct')).map(contentTypeFilterValue).filter(isContentTypeFilter)),
    ],
    endpointId: id(params.get('ep')),
    since: since && since in timePresets ? (since as TimePreset) : null,
    fromMs: time(params.get('from')),
    toMs: time(params.get('to')),
    header: headerName ? { name: headerName, value: headerValue } : null,
  };
}

export function filterToParams(f: FilterState, params = new URLSearchParams()): URLSearchParams {
  const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
  set('q', f.text || null);
  set('method', f.methods.join(',') || null);
  set('status', f.statuses.join(',') || null);
  set('ct', f.contentTypes.join(',') || null);
  set('ep', f.endpointId === null ? null : String(f.endpointId));
  set('since', f.since);
  set('from', f.fromMs === null ? null : String(f.fromMs));
  set('to', f.toMs === null ? null : String(f.toMs));
  set('h', f.header?.name ?? null);
  set('hv', f.header?.value ?? null);
  return params;
}

/** The API filter for a UI filter state; relative time presets resolve against `now`. */
export function toCaptureFilter(f: FilterState, now = Date.now()): CaptureFilter {
  const filter: CaptureFilter = {};
  if (f.text.trim()) filter.text = f.text.trim();
  if (f.methods.length) filter.methods = f.methods;
  if (f.statuses.length) filter.statuses = expandStatuses(f.statuses);
  if (f.contentTypes.length) filter.contentTypes = f.contentTypes;
  if (f.endpointId !== null) filter.endpointId = f.endpointId;
  if (f.since) filter.fromMs = now - timePresets[f.since];
  else if (f.fromMs !== null) filter.fromMs = f.fromMs;
  if (f.toMs !== null && !f.since) filter.toMs = f.toMs;
  if (f.header)
    filter.header =
      f.header.value === null ? { name: f.header.name } : { name: f.header.name, value: f.header.value };
  return filter;
}

/**
 * Whether a capture that just arrived belongs in the filtered list. `null` means "cannot tell here" (full-text and
 * header filters need the engine), so the caller asks the engine instead.
 */
export function matchesLocally(filter: CaptureFilter, c: CaptureSummary): boolean | null {
  if (filter.methods && !filter.methods.includes(c.method.toUpperCase())) return false;
  if (filter.statuses && (c.responseStatus === null || !filter.statuses.includes(c.responseStatus)))
    return false;
  if (filter.endpointId !== undefined && filter.endpointId !== null && c.endpointId !== filter.endpointId)
    return false;
  if (filter.fromMs !== undefined && c.receivedAtMs < filter.fromMs) return false;
  if (filter.toMs !== undefined && c.receivedAtMs > filter.toMs) return false;
  if (filter.source && c.source !== filter.source) return false;
  if (filter.contentTypes) {
    const type = (c.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const ok = filter.contentTypes.some((want) => {
      const w = want.toLowerCase();
      // As the engine reads it: 'none' is a capture sent without a Content-Type.
      if (w === 'none') return c.contentType === null;
      return w.endsWith('/*') ? type.startsWith(w.slice(0, -1)) : type === w;
    });
    if (!ok) return false;
  }
  if (filter.text || filter.header || filter.vendor) return null;
  return true;
}
