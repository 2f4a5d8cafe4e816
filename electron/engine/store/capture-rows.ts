import type { CaptureSummary, HeaderPair } from '../../shared/contract/index';
import { forwardsSender, tunnelSender } from '../../shared/tunnel-sender';

export interface CaptureRow {
  id: number;
  received_at_ms: number;
  method: string;
  path: string;
  query: string;
  empty_query: number;
  http_version: string;
  headers: string;
  remote_address: string;
  remote_port: number | null;
  content_type: string | null;
  content_encoding: string | null;
  body_size: number;
  stored_body_size: number;
  truncated: number;
  body_not_sent: number;
  endpoint_id: number | null;
  source: 'receiver' | 'tunnel' | 'imported';
  public_url: string | null;
  vendor: string | null;
  event_label: string | null;
  response_status: number | null;
  response: string | null;
  verification: string | null;
  trailers: string | null;
  imported_at_ms: number | null;
  har_mime_type: string | null;
}

/**
 * Columns a list needs: never the response or body, and the headers only of tunnel captures, whose X-Forwarded-For
 * can name the sender (parsing those costs about 0.5 ms a page of 200 rows).
 */
export const summaryColumns =
  'c.id, c.received_at_ms, c.method, c.path, c.query, c.empty_query, c.endpoint_id, c.response_status, c.body_size, ' +
  'c.content_type, c.remote_address, c.truncated, c.source, c.vendor, c.event_label, c.public_url, ' +
  "CASE WHEN c.source = 'tunnel' THEN c.headers END AS headers";

export function toSummary(row: Pick<CaptureRow, keyof CaptureRow & string>): CaptureSummary {
  return {
    id: row.id,
    receivedAtMs: row.received_at_ms,
    method: row.method,
    path: row.path,
    query: row.query,
    ...(row.empty_query === 1 ? { emptyQuery: true as const } : {}),
    endpointId: row.endpoint_id,
    responseStatus: row.response_status,
    bodySizeBytes: row.body_size,
    contentType: row.content_type,
    remoteAddress: row.remote_address,
    forwardedSender: forwardedSender(row),
    truncated: row.truncated === 1,
    source: row.source,
    vendor: row.vendor,
    eventLabel: row.event_label,
  };
}

function forwardedSender(row: CaptureRow): string | null {
  const capture = { source: row.source, publicUrl: row.public_url };
  return row.headers && forwardsSender(capture)
    ? tunnelSender({ ...capture, headers: parseHeaders(row.headers) })
    : null;
}

export const parseHeaders = (json: string): HeaderPair[] => JSON.parse(json) as HeaderPair[];

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | undefined | null): string | null {
  if (!contentType) return null;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type || null;
}

/** The response status classes kept counted ('status_2xx' … 'status_5xx' in counters), in that order. */
export const statusClasses = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof statusClasses)[number];

/** 0 for 2xx … 3 for 5xx; null for no response or a status outside 200–599. */
export function statusClassIndex(status: number | null): number | null {
  if (status === null || status < 200 || status > 599) return null;
  return Math.floor(status / 100) - 2;
}
