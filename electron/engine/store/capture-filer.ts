import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { CaptureSummary } from '../../shared/contract/index';
import type { CaptureMinutes } from './capture-minutes';
import { statusClassIndex, toSummary, type CaptureRow } from './capture-rows';
import type { NewCapture } from './capture-writer';
import { LoopShare } from './loop-share';

/** Fills the vendor, event label, verification and tunnel fields of a receiver capture as it is filed. */
export type CaptureAnnotator = (capture: NewCapture) => NewCapture;

export interface FiledBatch {
  summaries: CaptureSummary[];
  /** Per endpoint: [captures, 2xx, 3xx, 4xx, 5xx]. */
  endpointCounts: Map<number, number[]>;
}

type InboxRow = { id: number; capture: string; body: Buffer };

/**
 * The inbox's lowest and highest id. Two subqueries: SQLite answers a lone MIN or MAX from the key's b-tree, but both in
 * one SELECT scan the table (53 ms with 150k rows waiting, on every stats call).
 */
export const inboxRangeSql =
  'SELECT (SELECT MIN(id) FROM capture_inbox) AS low, (SELECT MAX(id) FROM capture_inbox) AS high';

/**
 * The second half of the store: moves acknowledged captures from the inbox into `captures` and `capture_bodies`
 * (filter indexes, counters, per-minute counts, annotations) in id order, then announces them and wakes the index.
 *
 * It shares the event loop with the receiver. While traffic leaves the loop room it files promptly, a few milliseconds
 * at a time, so captures reach the live list within milliseconds; while the receiver alone keeps the loop busy it takes
 * a small share and lets the backlog wait (reported as index lag) until the burst passes. Readers call `catchUp` first,
 * so a capture whose acknowledgement a client has seen is always readable.
 */
export class CaptureFiler {
  private timer: NodeJS.Immediate | NodeJS.Timeout | null = null;
  private stopped = false;
  private started = false;
  /** The wait before the next retry while slices keep failing (a full disk stays full for a while); 0 when they work. */
  private retryMs = 0;
  private readonly selectInbox: Database.Statement;
  private readonly oldestInbox: Database.Statement;
  private readonly inboxRange: Database.Statement;
  private readonly fileRows: (rows: InboxRow[]) => FiledBatch;
  private annotate: CaptureAnnotator = (c) => c;

  constructor(
    private readonly db: Database.Database,
    minutes: CaptureMinutes,
    private readonly onFiled: (batch: FiledBatch) => void,
    private readonly onError: (error: unknown) => void,
    /** Shared with the indexer (see LoopShare). */
    private readonly share: LoopShare = new LoopShare(),
    private readonly sliceMs = 4,
    private readonly batchRows = 64,
    /** Past this backlog age filing takes its full share even while the receiver is saturated. */
    private readonly maxSaturatedLagMs = 60_000,
    private readonly maxRetryMs = 5_000,
  ) {
    this.selectInbox = db.prepare('SELECT id, capture, body FROM capture_inbox ORDER BY id LIMIT ?');
    this.oldestInbox = db.prepare('SELECT id, capture FROM capture_inbox ORDER BY id LIMIT 1');
    this.inboxRange = db.prepare(inboxRangeSql);
    const insertCapture = db.prepare(`INSERT INTO captures (
      id, received_at_ms, method, path, query, http_version, headers, remote_address, remote_port, content_type,
      content_encoding, body_size, stored_body_size, truncated, endpoint_id, source, public_url, vendor, event_label,
      response_status, response, verification, trailers, imported_at_ms, har_mime_type, empty_query,
      body_not_sent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertBody = db.prepare('INSERT INTO capture_bodies (capture_id, body) VALUES (?, ?)');
    const deleteInboxUpTo = db.prepare('DELETE FROM capture_inbox WHERE id <= ?');
    const bumpCounters = db.prepare(
      `UPDATE counters SET value = value + CASE name WHEN 'captures' THEN ? WHEN 'body_bytes' THEN ?
        WHEN 'status_2xx' THEN ? WHEN 'status_3xx' THEN ? WHEN 'status_4xx' THEN ? WHEN 'status_5xx' THEN ? ELSE 0 END
       WHERE name IN ('captures', 'body_bytes', 'status_2xx', 'status_3xx', 'status_4xx', 'status_5xx')`,
    );
    this.fileRows = db.transaction((rows: InboxRow[]): FiledBatch => {
      const summaries: CaptureSummary[] = [];
      const endpointCounts = new Map<number, number[]>();
      const classes = [0, 0, 0, 0];
      let bytes = 0;
      const perMinute = minutes.tally();
      for (const row of rows) {
        const c = this.readCapture(row);
        const statusClass = statusClassIndex(sentStatus(c));
        if (statusClass !== null) classes[statusClass]!++;
        insertCapture.run(
          row.id,
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
          row.body.byteLength,
          c.truncated ? 1 : 0,
          c.endpointId,
          c.source,
          c.publicUrl,
          c.vendor,
          c.eventLabel,
          sentStatus(c),
          c.response ? JSON.stringify(c.response) : null,
          c.verification ? JSON.stringify(c.verification) : null,
          c.trailers?.length ? JSON.stringify(c.trailers) : null,
          c.importedAtMs ?? null,
          c.harMimeType ?? null,
          c.emptyQuery ? 1 : 0,
          c.bodyNotSent ? 1 : 0,
        );
        insertBody.run(row.id, row.body);
        bytes += row.body.byteLength;
        perMinute.count(c.endpointId, c.receivedAtMs, 1);
        if (c.endpointId !== null) {
          let counts = endpointCounts.get(c.endpointId);
          if (!counts) endpointCounts.set(c.endpointId, (counts = [0, 0, 0, 0, 0]));
          counts[0]!++;
          if (statusClass !== null) counts[statusClass + 1]!++;
        }
        summaries.push(summaryOf(row.id, c));
      }
      if (rows.length > 0) deleteInboxUpTo.run(rows[rows.length - 1]!.id);
      bumpCounters.run(rows.length, bytes, ...classes);
      perMinute.apply();
      return { summaries, endpointCounts };
    });
  }

  private readCapture(row: InboxRow): NewCapture {
    const stored = JSON.parse(row.capture) as NewCapture;
    const capture: NewCapture = { ...stored, body: row.body };
    if (!capture.annotate) return capture;
    try {
      return this.annotate(capture);
    } catch (error) {
      // A failing annotator must never keep a capture out of the store: file it without labels.
      this.onError(error);
      return capture;
    }
  }

  /** Starts filing (the engine does so once its modules have registered their annotators). */
  start(annotate?: CaptureAnnotator): void {
    if (annotate) this.annotate = annotate;
    this.started = true;
    this.poke();
  }

  /** Rows were added to the inbox. */
  poke(count = 0): void {
    if (count > 0) this.share.arrived();
    if (!this.started || this.stopped || this.timer) return;
    this.timer = setImmediate(() => this.runSlice());
  }

  /**
   * Files synchronously: everything waiting (up to `maxRows`), or at least through `throughId`. Readers call this so
   * what a client was acknowledged is what it reads.
   */
  catchUp(maxRows = 10_000, throughId?: number): void {
    if (!this.started || this.stopped) return;
    let filed = 0;
    for (;;) {
      const want = filed >= maxRows ? this.batchRows : Math.min(this.batchRows, maxRows - filed);
      const rows = this.selectInbox.all(want) as InboxRow[];
      if (rows.length > 0) this.file(rows);
      filed += rows.length;
      if (rows.length < want) return;
      if (filed >= maxRows && (throughId === undefined || rows[rows.length - 1]!.id >= throughId)) return;
    }
  }

  private file(rows: InboxRow[]): void {
    const batch = this.fileRows(rows);
    this.onFiled(batch);
  }

  private runSlice(): void {
    this.timer = null;
    if (this.stopped) return;
    const started = performance.now();
    let more: boolean;
    try {
      let want = 16;
      do {
        const rows = this.selectInbox.all(want) as InboxRow[];
        if (rows.length > 0) this.file(rows);
        more = rows.length === want;
        want = Math.min(this.batchRows, want * 2);
      } while (more && performance.now() - started < this.sliceMs);
    } catch (error) {
      this.onError(error);
      this.retryMs = Math.min(this.maxRetryMs, this.retryMs * 2 || 50);
      this.timer = setTimeout(() => this.runSlice(), this.retryMs);
      return;
    }
    this.retryMs = 0;
    const tookMs = performance.now() - started;
    this.share.note(tookMs);
    if (!more) return;
    const rest =
      this.share.saturated && this.backlogAgeMs() < this.maxSaturatedLagMs ? Math.ceil(tookMs * 19) : 0;
    this.timer = rest === 0 ? setImmediate(() => this.runSlice()) : setTimeout(() => this.runSlice(), rest);
    this.timer.unref?.();
  }

  /** Captures acknowledged and not filed yet. Inbox ids are contiguous: rows leave only from the oldest, or all at once. */
  unfiledCount(): number {
    const { low, high } = this.inboxRange.get() as { low: number | null; high: number | null };
    return low === null || high === null ? 0 : high - low + 1;
  }

  /** The oldest capture acknowledged but not filed yet (it is not searchable either). */
  oldestUnfiled(): { id: number; arrivedAtMs: number } | undefined {
    const row = this.oldestInbox.get() as { id: number; capture: string } | undefined;
    if (!row) return undefined;
    const capture = JSON.parse(row.capture) as NewCapture;
    // An import came in when it was imported, whenever it was originally sent.
    return { id: row.id, arrivedAtMs: capture.importedAtMs ?? capture.receivedAtMs };
  }

  /** How long the oldest unfiled capture has waited. */
  backlogAgeMs(): number {
    const oldest = this.oldestUnfiled();
    return oldest ? Math.max(0, Date.now() - oldest.arrivedAtMs) : 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = null;
  }
}

function summaryOf(id: number, c: NewCapture): CaptureSummary {
  return toSummary({
    id,
    received_at_ms: c.receivedAtMs,
    method: c.method,
    path: c.path,
    query: c.query,
    empty_query: c.emptyQuery ? 1 : 0,
    endpoint_id: c.endpointId,
    response_status: sentStatus(c),
    body_size: c.bodySizeBytes,
    content_type: c.contentType,
    remote_address: c.remoteAddress,
    public_url: c.publicUrl,
    headers: c.source === 'tunnel' ? JSON.stringify(c.headers) : null,
    truncated: c.truncated ? 1 : 0,
    source: c.source,
    vendor: c.vendor,
    event_label: c.eventLabel,
  } as CaptureRow);
}

/** The status the sender got: none for a response recorded as never sent (an imported one has status 0). */
const sentStatus = (c: NewCapture): number | null =>
  c.response && c.response.status > 0 ? c.response.status : null;
