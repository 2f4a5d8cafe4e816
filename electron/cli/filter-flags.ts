import { captureFilter, captureSource, httpToken, type CaptureFilter } from '../shared/contract/index';
import type { CaptureStore } from '../engine/store/capture-store';
import type { EndpointStore } from '../engine/store/endpoint-store';
import { allOfSearches } from '../shared/search-terms';
import { isContentTypeFilter } from '../shared/content-type-filter';
import { expandStatuses, statusFilterValue } from '../shared/status-filter';
import { timeFlag, UsageError } from './io';

export const filterFlagOptions = {
  endpoint: { type: 'string' },
  method: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  'content-type': { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  search: { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  vendor: { type: 'string' },
  source: { type: 'string' },
} as const;

export const filterFlagUsage = `Filters:
  --endpoint SLUG|ID    only this endpoint ("default" for the catch-all); by its id (endpointId in an export)
                        also the captures kept from an endpoint since deleted
  --method M            only this method (repeatable)
  --status N            only this response status (404) or class (4xx), as the app's filter (repeatable)
  --content-type T      only this media type, e.g. application/json or text/* (repeatable)
  --since T / --until T ISO time, epoch ms, or a duration back from now (90s, 15m, 2h, 7d)
                        (local unless it ends in Z or ±hh:mm; --until includes the day, minute, second or .fraction written)
  --search TEXT         full-text search (path, query, headers, body, decoded labels; repeatable: all must match)
                        a TEXT starting with - is taken as given: --search -jose (or --search=-jose) leaves out jose
  --header 'N: v'       only captures with request header N (any case) equal to v, as sent; 'N' or 'N:' for any
                        value (as the app's header filter: one header)
  --vendor NAME         only captures recognised as from NAME (Ortto, Ontraport, WP Fusion…; any case)
  --source S            only captures that came in through S: receiver, tunnel or imported
`;

export function toFilter(
  values: {
    endpoint?: string;
    method?: string[];
    status?: string[];
    'content-type'?: string[];
    since?: string;
    until?: string;
    search?: string[];
    header?: string[];
    vendor?: string;
    source?: string;
  },
  stores: { endpoints: EndpointStore; captures: Pick<CaptureStore, 'hasCapturesFrom'> },
  nowMs: number,
): CaptureFilter {
  const filter: CaptureFilter = {};
  if (values.endpoint !== undefined) filter.endpointId = endpointFlag(values.endpoint, stores);
  if (values.method?.length) filter.methods = values.method.map(methodFlag);
  if (values.status?.length) {
    filter.statuses = expandStatuses(
      values.status.map((s) => {
        const value = statusFilterValue(s);
        if (value === null)
          throw new UsageError(`--status: expected a code 100–599 or a class 1xx–5xx, got "${s}"`);
        return value;
      }),
    );
  }
  if (values['content-type']?.length) filter.contentTypes = values['content-type'].map(contentTypeFlag);
  const from = timeFlag(values.since, '--since', nowMs);
  const to = timeFlag(values.until, '--until', nowMs, true);
  if (from !== undefined && to !== undefined && from > to)
    throw new UsageError(
      `--since (${new Date(from).toISOString()}) is after --until (${new Date(to).toISOString()}): no capture can match`,
    );
  if (from !== undefined) filter.fromMs = from;
  if (to !== undefined) filter.toMs = to;
  // Repeated, every one must match, each read as it would be alone.
  if (values.search?.length) filter.text = searchFlag(values.search);
  if (values.header?.length) filter.header = headerFlag(values.header);
  if (values.vendor !== undefined) filter.vendor = vendorFlag(values.vendor);
  if (values.source !== undefined) filter.source = sourceFlag(values.source);
  return filter;
}

/**
 * A slug, or an id: of an endpoint there now, or of a deleted one whose captures are kept (`endpointId` in an
 * export), as the app's filter finds them. An id no endpoint has and no capture carries is a typo, not an empty result.
 */
function endpointFlag(
  raw: string,
  { endpoints, captures }: { endpoints: EndpointStore; captures: Pick<CaptureStore, 'hasCapturesFrom'> },
): number {
  const have = () =>
    endpoints
      .list()
      .map((e) => `${e.slug} (#${e.id})`)
      .join(', ');
  const found = endpoints.list().find((e) => e.slug === raw);
  if (found) return found.id;
  if (!/^#?\d{1,15}$/.test(raw))
    throw new UsageError(
      `--endpoint: no endpoint "${raw}" (have: ${have()}; a deleted endpoint's kept captures are selected by its id, e.g. --endpoint 12)`,
    );
  const id = Number(raw.replace('#', ''));
  if (endpoints.byId(id) || captures.hasCapturesFrom(id)) return id;
  throw new UsageError(
    `--endpoint: no endpoint has id ${id}, and no capture kept from a deleted one does (have: ${have()})`,
  );
}

/** One method: `GET,POST` or an empty `"$METHOD"` would match no capture and export nothing without a word. */
function methodFlag(raw: string): string {
  const method = raw.trim();
  if (!httpToken.test(method))
    throw new UsageError(
      `--method: expected an HTTP method such as POST (repeat the flag for more than one), got "${raw}"`,
    );
  return method.toUpperCase();
}

/** A media type as the app's Type filter takes one (`application/json`, parameters ignored), a family or `none`. */
function contentTypeFlag(raw: string): string {
  const type = raw.split(';')[0]!.trim().toLowerCase();
  if (!isContentTypeFilter(type))
    throw new UsageError(
      `--content-type: expected a media type such as application/json, a family such as text/*, or none, got "${raw}"`,
    );
  return type;
}

/** All of the searches, held to the API's cap on words: the CLI reads the store itself, past the API's check. */
function searchFlag(searches: string[]): string {
  const text = allOfSearches(searches);
  const checked = captureFilter.shape.text.safeParse(text);
  if (!checked.success) throw new UsageError(`--search: ${checked.error.issues[0]!.message}`);
  return text;
}

function vendorFlag(raw: string): string {
  const vendor = raw.trim();
  if (vendor === '')
    throw new UsageError(
      `--vendor: expected a vendor name such as Ortto, Ontraport or WP Fusion, got "${raw}"`,
    );
  return vendor;
}

function sourceFlag(raw: string): NonNullable<CaptureFilter['source']> {
  const source = captureSource.safeParse(raw.trim().toLowerCase());
  if (!source.success)
    throw new UsageError(`--source: expected ${captureSource.options.join(', ')}, got "${raw}"`);
  return source.data;
}

/**
 * `Name: value` or `Name`, read as the app's header filter reads its two boxes: the name trimmed, an empty value meaning
 * any value. The value loses the spaces around it, as a receiver drops them from what it stores.
 */
function headerFlag(flags: string[]): NonNullable<CaptureFilter['header']> {
  if (flags.length > 1)
    throw new UsageError(`--header: give one header (the filter matches one), got ${flags.length}`);
  const raw = flags[0]!;
  const colon = raw.indexOf(':');
  const name = (colon < 0 ? raw : raw.slice(0, colon)).trim();
  if (name === '') throw new UsageError(`--header: expected 'Name: value' or 'Name', got "${raw}"`);
  const value = colon < 0 ? '' : raw.slice(colon + 1).trim();
  return value === '' ? { name } : { name, value };
}
