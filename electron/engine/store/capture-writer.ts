import type Database from 'better-sqlite3';
import type { CaptureSummary, HeaderPair } from '../../shared/contract/index';
import { toSummary, type CaptureRow } from './capture-rows';

export interface NewCapture {
  receivedAtMs: number;
  method: string;
  path: string;
  query: string;
  httpVersion: string;
  headers: HeaderPair[];
  remoteAddress: string;
  remotePort: number | null;
  contentType: string | null;
  contentEncoding: string | null;
  body: Uint8Array;
  bodySizeBytes: number;
  truncated: boolean;
  endpointId: number | null;
  source: 'receiver' | 'tunnel' | 'imported';
  publicUrl: string | null;
  vendor: string | null;
  eventLabel: string | null;
  response: {
    status: number;
    headers: HeaderPair[];
    bodyBase64: string;
    delayMs: number;
    reason: string | null;
  } | null;
  verification: { scheme: string; ok: boolean; reason: string } | null;
}

/**
 * Writes one group-commit batch in one transaction and returns the new ids in order. Runs on the store worker's own
 * connection (see worker/store-worker.ts): one fsync-free WAL commit serves the whole batch, and the captures, their
 * bodies, the counters and the per-endpoint counts move together.
 */
export function createCaptureInserter(db: Database.Database): (batch: NewCapture[]) => number[] {
  const insertCapture = db.prepare(`INSERT INTO captures (
    received_at_ms, method, path, query, http_version, headers, remote_address, remote_port, content_type,
    content_encoding, body_size, stored_body_size, truncated, endpoint_id, source, public_url, vendor, event_label,
    response_status, response, verification)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertBody = db.prepare('INSERT INTO capture_bodies (capture_id, body) VALUES (?, ?)');
  const bumpCounters = db.prepare(
    "UPDATE counters SET value = value + CASE name WHEN 'captures' THEN ? WHEN 'body_bytes' THEN ? ELSE 0 END WHERE name IN ('captures', 'body_bytes')",
  );
  const bumpEndpoint = db.prepare('UPDATE endpoints SET capture_count = capture_count + ? WHERE id = ?');
  const insertBatch = db.transaction((batch: NewCapture[]) => {
    const ids: number[] = [];
    let bytes = 0;
    const endpointCounts = new Map<number, number>();
    for (const c of batch) {
      const info = insertCapture.run(
        c.receivedAtMs,
        c.method,
        c.path,
        c.query,
        c.httpVersion,
        JSON.stringify(c.headers),
        c.remoteAddress,
        c.remotePort,
        c.contentType,
        c.contentEncoding,
        c.bodySizeBytes,
        c.body.byteLength,
        c.truncated ? 1 : 0,
        c.endpointId,
        c.source,
        c.publicUrl,
        c.vendor,
        c.eventLabel,
        c.response?.status ?? null,
        c.response ? JSON.stringify(c.response) : null,
        c.verification ? JSON.stringify(c.verification) : null,
      );
      const id = Number(info.lastInsertRowid);
      insertBody.run(id, c.body);
      ids.push(id);
      bytes += c.body.byteLength;
      if (c.endpointId !== null)
        endpointCounts.set(c.endpointId, (endpointCounts.get(c.endpointId) ?? 0) + 1);
    }
    bumpCounters.run(batch.length, bytes);
    for (const [id, n] of endpointCounts) bumpEndpoint.run(n, id);
    return ids;
  });
  return (batch) => insertBatch.immediate(batch);
}

/** The list row for a capture just committed, built from what was written (no read back). */
export function committedSummary(c: NewCapture, id: number): CaptureSummary {
  return toSummary({
    id,
    received_at_ms: c.receivedAtMs,
    method: c.method,
    path: c.path,
    query: c.query,
    endpoint_id: c.endpointId,
    response_status: c.response?.status ?? null,
    body_size: c.bodySizeBytes,
    content_type: c.contentType,
    remote_address: c.remoteAddress,
    truncated: c.truncated ? 1 : 0,
    source: c.source,
    vendor: c.vendor,
    event_label: c.eventLabel,
  } as CaptureRow);
}
