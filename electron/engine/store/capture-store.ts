import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ApiError,
  type CaptureDetail,
  type CaptureVerification,
  type CaptureFilter,
  type CaptureSummary,
  type Stats,
} from '../../shared/contract/index';
import type { Clock } from '../util/clock';
import { decodeRequestBody } from './body-text';
import { storedBodyCodings, type BodyCoding } from '../../shared/send/transfer-codings';
import { detailBody } from './detail-body';
import { decodedPairs } from '../../shared/decode/body';
import { HAR_BOUNDARY_HEAD_BYTES, harContentType } from '../../shared/send/har-content-type';
import { filterToSql, type FilterSql } from './capture-filter-sql';
import { CaptureMinutes } from './capture-minutes';
import {
  parseHeaders,
  statusClassIndex,
  statusClasses,
  summaryColumns,
  toSummary,
  type CaptureRow,
  type StatusClass,
} from './capture-rows';
import { CaptureFiler, type CaptureAnnotator } from './capture-filer';
import { CaptureTrash } from './capture-trash';
import { CaptureWriter, type NewCapture } from './capture-writer';
import type { EndpointStore } from './endpoint-store';
import { HeaderNameBackfill, headersOf } from './header-name-backfill';
import { FtsIndexer, type IndexProgress, type SearchTextExtractor } from './fts-indexer';
import { describeStorageError } from './storage-error';
import { WalCheckpointer } from './wal-checkpointer';
import { BackgroundReader, ReaderGone } from './background-reader';
import { known, readHere, type ReadPlan } from './read-plan';
import { inboxHasRoomFor } from './write-probe';
import { searchIndexSchemaName } from './search-index/index-schema';

export interface CaptureStoreEvents {
  created(items: CaptureSummary[]): void;
  deleted(ids: number[], all: boolean): void;
  progress(progress: IndexProgress): void;
  /** A capture changed after it was created (a response recorded but never sent). */
  updated?(items: CaptureSummary[]): void;
  /** A background index slice failed; it is retried. */
  indexFailed?(error: unknown): void;
  /**
   * Filing a capture failed (an annotator threw, or the database refused a write; writes are retried). A storage error
   * is reported once until filing works again, then `fileRecovered` follows.
   */
  fileFailed?(error: unknown): void;
  fileRecovered?(): void;
}

type StoredResponse = NonNullable<NewCapture['response']>;

/** A response recorded with its capture and never written (see `delayedResponsesNeverWritten`). */
export interface DelayedResponse {
  id: number;
  endpointId: number | null;
  response: StoredResponse;
  /** Killed while it was being written: the client may have it. */
  beingWritten: boolean;
}

const withoutRuleStep = ({
  ruleStep: _step,
  ruleVersion: _version,
  ...response
}: StoredResponse): CaptureDetail['response'] => response;

export interface ListOptions {
  filter?: CaptureFilter;
  cursor?: number | null;
  limit: number;
}
export interface CapturePage {
  items: CaptureSummary[];
  nextCursor: number | null;
}
export interface NewestAndCount {
  count: number;
  newestId: number | null;
}
export interface BreakdownWindow {
  endMs: number;
  bucketMs: number;
  buckets: number;
}
export interface Breakdown {
  rate: number[];
  statuses: Record<StatusClass, number>;
}

/** Captures: written by group commit, read by keyset pages, searched through the asynchronous FTS index. */
export interface LabelChange {
  id: number;
  vendor: string | null;
  eventLabel: string | null;
}

export class CaptureStore {
  private readonly writer: CaptureWriter;
  private readonly filer: CaptureFiler;
  readonly indexer: FtsIndexer;
  private readonly extractors: SearchTextExtractor[] = [];
  private readonly checkpointer: WalCheckpointer;
  private readonly isIndexedTerm: (token: string) => boolean;
  private readonly minutes: CaptureMinutes;
  private readonly trash: CaptureTrash;
  /** The storage errors that last stopped writing to the inbox and filing from it; each success clears its own. */
  private readonly failing: { write: unknown; file: unknown } = { write: null, file: null };
  /** The size of the captures whose write last failed for a full disk, and when `stats` may next check for room. */
  private readonly fullDisk = { bytes: 0, nextProbeMs: 0 };
  private readonly reader: BackgroundReader;
  readonly headerNames: HeaderNameBackfill;
  /** Prepared once: background passes read every capture through `get`. */
  private selectDetail: Database.Statement | null = null;
  private inboxHasEndpoint: Database.Statement | null = null;
  private selectBodies: Database.Statement | null = null;
  private inboxHasId: Database.Statement | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly endpoints: EndpointStore,
    private readonly clock: Clock,
    private readonly events: CaptureStoreEvents,
    /** The captures database and the search index's own file (attached to `db` as `idx`). */
    private readonly files: { captures: string; index: string },
    maxUndoable?: number,
    /** Never writes in the background (see openStores' `readOnly`). */
    private readonly readOnly = false,
  ) {
    this.indexer = new FtsIndexer(
      db,
      this.extractors,
      clock,
      (p) => events.progress(p),
      (error) => events.indexFailed?.(error),
    );
    this.minutes = new CaptureMinutes(db);
    this.trash = new CaptureTrash(db, clock, undefined, maxUndoable);
    this.filer = new CaptureFiler(
      db,
      this.minutes,
      ({ summaries, endpointCounts }) => {
        if (this.failing.file !== null) {
          this.failing.file = null;
          events.fileRecovered?.();
        }
        endpoints.addCaptureCounts(endpointCounts);
        events.created(summaries);
        this.indexer.committed();
      },
      (error) => this.fileFailed(error),
      this.indexer.loopShare,
    );
    this.writer = new CaptureWriter(
      db,
      (count) => {
        this.failing.write = null;
        this.filer.poke(count);
      },
      (error, bytes) => {
        if (describeStorageError(error)) this.failing.write = error;
        this.fullDisk.bytes = bytes;
      },
    );
    this.indexer.beforeDrain = () => this.fileWaiting();
    this.indexer.oldestUnfiled = () => this.filer.oldestUnfiled();
    // Ask the index itself, not fts5vocab: a vocabulary row counts the term's whole doclist (3.9 ms for a word in 200k
    // captures), while a MATCH stops at the first document (0.03 ms). Tokens are letters and digits only.
    const anyMatch = db.prepare('SELECT 1 FROM captures_fts WHERE captures_fts MATCH ? LIMIT 1').pluck();
    this.isIndexedTerm = (token) => anyMatch.get(`"${token}"`) !== undefined;
    this.checkpointer = new WalCheckpointer(db, files.captures, {
      ftsIndexFile: files.index,
      indexWriteWaiting: this.indexer.writeWaiting,
    });
    if (!readOnly) this.checkpointer.start();
    this.reader = new BackgroundReader(files);
    this.headerNames = new HeaderNameBackfill(db);
  }

  /** Resolves with the capture id once its row is committed — only then may the request be acknowledged. */
  add(capture: NewCapture): Promise<number> {
    return this.writer.enqueue(capture);
  }

  /** Commit whatever is queued right now (shutdown). */
  flush(): void {
    this.writer.flush();
  }

  /**
   * Starts moving acknowledged captures from the inbox into the store. Until then (and in processes that never start
   * it, like the CLI's `tail` next to a running app) only captures already filed are read.
   */
  startFiling(annotate?: CaptureAnnotator): void {
    this.filer.start(annotate);
    // Migration 048's pass writes too: only a process that files runs it.
    this.headerNames.start();
  }

  /** Files every capture acknowledged so far, however many (tests, a complete search, shutdown). */
  fileWaiting(): void {
    this.writer.flush();
    this.filer.catchUp(Infinity);
  }

  /**
   * Files what is waiting, so reads include every capture acknowledged so far (bounded; see CaptureFiler.catchUp).
   * When filing fails (a full disk) the read goes on with what is filed, so captures can still be seen and deleted
   * to make room; the background filer keeps retrying.
   */
  current(throughId?: number): void {
    try {
      this.filer.catchUp(undefined, throughId);
    } catch (error) {
      this.fileFailed(error);
    }
  }

  private fileFailed(error: unknown): void {
    if (describeStorageError(error)) {
      const again = this.failing.file !== null;
      this.failing.file = error;
      if (again) return;
    }
    this.events.fileFailed?.(error);
  }

  addSearchTextExtractor(extractor: SearchTextExtractor): void {
    this.extractors.push(extractor);
  }

  list(options: ListOptions): CapturePage {
    this.current();
    return readHere(this.db, this.listPlan(options));
  }

  /** `list` read off the receiver's thread (the API's reads; see BackgroundReader). */
  listInBackground(options: ListOptions): Promise<CapturePage> {
    this.current();
    return this.readInBackground(this.listPlan(options));
  }

  private filterSql(filter: CaptureFilter | undefined): FilterSql {
    return filterToSql(filter, this.isIndexedTerm, this.headerNames.uncoveredBelow());
  }

  private listPlan(options: ListOptions): ReadPlan<CapturePage> {
    const sql = this.filterSql(options.filter);
    const where = [...sql.where];
    const params = [...sql.params];
    // With a text query, order and page by the index's rowid: FTS5 then walks its doclist newest-first and stops
    // after a page, instead of collecting every match and sorting (75 ms → 7 ms for a common word at 50k rows).
    const key = sql.key;
    if (options.cursor != null) {
      where.push(`${key} < ?`);
      params.push(options.cursor);
    }
    return {
      reads: [
        {
          sql: `SELECT ${summaryColumns} FROM ${sql.from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY ${key} DESC LIMIT ?`,
          params: [...params, options.limit + 1],
          rows: 'all',
        },
      ],
      finish: ([rows]) => {
        const all = rows as CaptureRow[];
        const more = all.length > options.limit;
        const items = all.slice(0, options.limit).map(toSummary);
        return { items, nextCursor: more ? items[items.length - 1]!.id : null };
      },
    };
  }

  count(filter?: CaptureFilter): number {
    this.current();
    return readHere(this.db, this.countPlan(this.filterSql(filter)));
  }

  /**
   * The count and the newest capture it includes, read together (nothing is filed between the two), so a client
   * holding live arrivals can tell which of them the count already has.
   */
  countWithNewest(filter?: CaptureFilter): NewestAndCount {
    this.current();
    return readHere(this.db, this.countWithNewestPlan(filter));
  }

  /** `countWithNewest` read off the receiver's thread, both in one snapshot. */
  countWithNewestInBackground(filter?: CaptureFilter): Promise<NewestAndCount> {
    this.current();
    return this.readInBackground(this.countWithNewestPlan(filter));
  }

  private countWithNewestPlan(filter: CaptureFilter | undefined): ReadPlan<NewestAndCount> {
    const sql = this.filterSql(filter);
    const key = sql.key;
    const count = this.countPlan(sql);
    return {
      reads: [
        {
          sql: `SELECT ${key} AS id FROM ${sql.from} ${sql.where.length ? 'WHERE ' + sql.where.join(' AND ') : ''}
         ORDER BY ${key} DESC LIMIT 1`,
          params: sql.params,
          rows: 'first',
        },
        ...count.reads,
      ],
      finish: ([newest, ...counted]) => ({
        count: count.finish(counted),
        newestId: (newest as { id: number } | undefined)?.id ?? null,
      }),
    };
  }

  private countPlan(sql: FilterSql): ReadPlan<number> {
    // Unfiltered, the kept counter: read with the plan, not now, so it comes from the same snapshot as the newest id
    // read with it (on the background reader, captures filed while the request waits would be in one but not the other).
    const read =
      sql.where.length === 0
        ? { sql: "SELECT value AS n FROM counters WHERE name = 'captures'", params: [] }
        : {
            sql: `SELECT COUNT(*) AS n FROM ${sql.from} WHERE ${sql.where.join(' AND ')}`,
            params: sql.params,
          };
    return { reads: [{ ...read, rows: 'first' }], finish: ([row]) => (row as { n: number }).n };
  }

  /**
   * The charts' figures for a filter in one pass each: captures per time bucket over a window ending at `endMs`
   * (oldest bucket first), and captures per response status class. With no filter, or only an endpoint, both are kept
   * counts (whole-minute windows for the rate); any other filter counts its rows.
   */
  breakdown(filter: CaptureFilter | undefined, window: BreakdownWindow): Breakdown {
    this.current();
    return readHere(this.db, this.breakdownPlan(filter, window));
  }

  /** `breakdown` read off the receiver's thread. */
  breakdownInBackground(filter: CaptureFilter | undefined, window: BreakdownWindow): Promise<Breakdown> {
    this.current();
    return this.readInBackground(this.breakdownPlan(filter, window));
  }

  private breakdownPlan(filter: CaptureFilter | undefined, window: BreakdownWindow): ReadPlan<Breakdown> {
    const sql = this.filterSql(filter);
    const onlyAnEndpoint = sql.where.length === 1 && sql.where[0] === 'c.endpoint_id = ?';
    const keptRate =
      sql.where.length === 0
        ? this.minutes.rate(undefined, window)
        : onlyAnEndpoint
          ? this.minutes.rate(sql.params[0] as number, window)
          : null;
    const rate = keptRate ? known(keptRate) : this.countRatePlan(sql, window);

    let keptStatuses: Record<StatusClass, number> | null = null;
    // A deleted endpoint's captures are kept but its counts are not: count their rows.
    const endpointCounts = onlyAnEndpoint ? this.endpoints.statusClassCounts(sql.params[0] as number) : null;
    if (sql.where.length === 0) {
      keptStatuses = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
      for (const c of statusClasses) keptStatuses[c] = this.counter(`status_${c}`);
    } else if (endpointCounts) keptStatuses = endpointCounts;
    const statuses: ReadPlan<Record<StatusClass, number>> = keptStatuses
      ? known(keptStatuses)
      : {
          reads: [
            {
              sql: `SELECT CAST(c.response_status / 100 AS INTEGER) AS k, COUNT(*) AS n FROM ${sql.from}
           WHERE ${[...sql.where, 'c.response_status BETWEEN 200 AND 599'].join(' AND ')} GROUP BY k`,
              params: sql.params,
              rows: 'all',
            },
          ],
          finish: ([rows]) => {
            const counted = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
            for (const { k, n } of rows as { k: number; n: number }[]) counted[statusClasses[k - 2]!] = n;
            return counted;
          },
        };
    return {
      reads: [...rate.reads, ...statuses.reads],
      finish: (results) => ({
        rate: rate.finish(results.slice(0, rate.reads.length)),
        statuses: statuses.finish(results.slice(rate.reads.length)),
      }),
    };
  }

  /** Runs a plan on the background reader, or here when it cannot run. */
  private async readInBackground<T>(plan: ReadPlan<T>): Promise<T> {
    if (plan.reads.length === 0) return plan.finish([]);
    const results = this.reader.run(plan.reads);
    if (!results) return readHere(this.db, plan);
    try {
      return plan.finish(await results);
    } catch (error) {
      if (error instanceof ReaderGone) return readHere(this.db, plan);
      throw error;
    }
  }

  /** Captures per bucket counted row by row: for filters the kept per-minute counts cannot answer. */
  private countRatePlan(sql: FilterSql, window: BreakdownWindow): ReadPlan<number[]> {
    const start = window.endMs - window.bucketMs * window.buckets;
    const inWindow = [...sql.where, 'c.received_at_ms >= ?', 'c.received_at_ms < ?'];
    // Walk the window by time: left to itself SQLite read every row of a filtered endpoint (350k at 1M) instead, and
    // every capture with a header name, not those of the window.
    const from = sql.usesFts
      ? sql.from
      : sql.from.replace('captures c', 'captures c INDEXED BY captures_by_time');
    return {
      reads: [
        {
          sql: `SELECT CAST((c.received_at_ms - ?) / ? AS INTEGER) AS b, COUNT(*) AS n FROM ${from} WHERE ${inWindow.join(' AND ')} GROUP BY b`,
          params: [start, window.bucketMs, ...sql.params, start, window.endMs],
          rows: 'all',
        },
      ],
      finish: ([buckets]) => {
        const rate = new Array<number>(window.buckets).fill(0);
        for (const { b, n } of buckets as { b: number; n: number }[])
          if (b >= 0 && b < window.buckets) rate[b] = n;
        return rate;
      },
    };
  }

  /** Ids matching a filter, newest first (export, bulk delete). */
  ids(filter: CaptureFilter | undefined, limit: number): number[] {
    this.current();
    const sql = this.filterSql(filter);
    return (
      this.db
        .prepare(
          `SELECT c.id FROM ${sql.from} ${sql.where.length ? 'WHERE ' + sql.where.join(' AND ') : ''} ORDER BY ${sql.key} DESC LIMIT ?`,
        )
        .all(...sql.params, limit) as { id: number }[]
    ).map((r) => r.id);
  }

  /**
   * Whether a kept capture came through this endpoint, filed or still waiting in the inbox (a process that never files,
   * like the CLI beside a running app, sees a burst's captures only there). The inbox is a backlog of moments, and the
   * scan stops at the first match.
   */
  hasCapturesFrom(endpointId: number): boolean {
    if (this.ids({ endpointId }, 1).length > 0) return true;
    this.inboxHasEndpoint ??= this.db
      .prepare("SELECT 1 FROM capture_inbox WHERE json_extract(capture, '$.endpointId') = ? LIMIT 1")
      .pluck();
    return this.inboxHasEndpoint.get(endpointId) !== undefined;
  }

  /** One capture; with `inlineBodyMaxBytes`, a longer body is left out (see `detailBody`). */
  get(id: number, inlineBodyMaxBytes?: number): CaptureDetail {
    this.current(id);
    this.selectDetail ??= this.db.prepare(
      'SELECT c.*, b.body FROM captures c LEFT JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id = ?',
    );
    const row = this.selectDetail.get(id) as (CaptureRow & { body: Buffer | null }) | undefined;
    if (!row) throw this.missing(id);
    const body = row.body ?? Buffer.alloc(0);
    const summary = toSummary(row);
    const headers = parseHeaders(row.headers);
    return {
      ...summary,
      ...(row.body_not_sent === 1 ? { bodyNotSent: true as const } : {}),
      httpVersion: row.http_version,
      remotePort: row.remote_port,
      headers,
      trailers: row.trailers ? parseHeaders(row.trailers) : [],
      queryParams: decodedPairs(row.query),
      ...detailBody(body, row.content_encoding, headers, inlineBodyMaxBytes),
      contentEncoding: row.content_encoding,
      storedBodyBytes: row.stored_body_size,
      publicUrl: row.public_url,
      response: row.response ? withoutRuleStep(JSON.parse(row.response) as StoredResponse) : null,
      verification: row.verification ? (JSON.parse(row.verification) as CaptureDetail['verification']) : null,
      harContentType: harContentType({
        ...summary,
        contentType: row.har_mime_type ?? summary.contentType,
        headers,
        bodyBase64: body.subarray(0, HAR_BOUNDARY_HEAD_BYTES).toString('base64'),
      }),
      ...(row.har_mime_type !== null ? { harMimeType: row.har_mime_type } : {}),
    };
  }

  /**
   * Why capture `id` cannot be read: it does not exist, or it was acknowledged and kept in the inbox but could not be
   * filed yet (reads go on with what is filed while the disk is full; see `current`).
   */
  private missing(id: number): ApiError {
    this.inboxHasId ??= this.db.prepare('SELECT 1 FROM capture_inbox WHERE id = ?').pluck();
    if (this.inboxHasId.get(id) === undefined)
      return new ApiError('not_found', `No capture with id ${id}.`, { id });
    const why = describeStorageError(this.failing.file) ?? 'try again in a moment.';
    return new ApiError(
      'unavailable',
      `Capture ${id} was received and kept but is not filed yet, so it cannot be read: ${why}`,
      {
        id,
      },
    );
  }

  /** `get`, or null when the capture is gone (deleted since its id was read: an export skips it). */
  getIfPresent(id: number): CaptureDetail | null {
    try {
      return this.get(id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /**
   * Whether an earlier import brought in this request: the same time it was sent, request line, headers and body.
   * `importedBeforeMs`: only captures imported before then count (later ones came from the same file).
   */
  holdsImported(
    c: Pick<NewCapture, 'receivedAtMs' | 'method' | 'path' | 'query' | 'headers' | 'body'>,
    importedBeforeMs: number = Number.MAX_SAFE_INTEGER,
  ): boolean {
    this.current();
    const row = this.db
      .prepare(
        `SELECT 1 FROM captures c JOIN capture_bodies b ON b.capture_id = c.id
          WHERE c.received_at_ms = ? AND c.imported_at_ms < ? AND c.method = ? AND c.path = ? AND c.query = ?
            AND c.headers = ? AND b.body = ? LIMIT 1`,
      )
      .get(c.receivedAtMs, importedBeforeMs, c.method, c.path, c.query, JSON.stringify(c.headers), c.body);
    return row !== undefined;
  }

  /** The request body as stored and, when a Content-Encoding was undone, decoded (a big body read apart). */
  requestBodies(id: number): {
    received: Buffer;
    decoded: Buffer | null;
    decodeNote: string | null;
    /** The codings the stored body is in (`storedBodyCodings`), so a note can name the header that applies. */
    codings: BodyCoding[];
  } {
    this.current(id);
    this.selectBodies ??= this.db.prepare(
      'SELECT c.content_encoding, c.headers, b.body FROM captures c LEFT JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id = ?',
    );
    const row = this.selectBodies.get(id) as
      { content_encoding: string | null; headers: string; body: Buffer | null } | undefined;
    if (!row) throw this.missing(id);
    const received = row.body ?? Buffer.alloc(0);
    const headers = parseHeaders(row.headers);
    const decoded = decodeRequestBody(received, row.content_encoding, headers);
    return {
      received,
      decoded: decoded.body,
      decodeNote: decoded.note,
      codings: storedBodyCodings(row.content_encoding, headers),
    };
  }

  /** The raw body bytes only (replay, export). */
  body(id: number): Buffer {
    this.current(id);
    const row = this.db.prepare('SELECT body FROM capture_bodies WHERE capture_id = ?').get(id) as
      { body: Buffer } | undefined;
    if (!row) throw this.missing(id);
    return row.body;
  }

  /**
   * Set vendor/event labels after the fact (decoder upgrades, custom labels), all in one transaction; the updated
   * summaries of the captures that still exist.
   */
  setLabels(changes: ReadonlyArray<LabelChange>): CaptureSummary[] {
    this.current();
    const update = this.db.prepare('UPDATE captures SET vendor = ?, event_label = ? WHERE id = ?');
    const select = this.db.prepare(`SELECT ${summaryColumns} FROM captures c WHERE c.id = ?`);
    return this.db.transaction(() => {
      const updated: CaptureSummary[] = [];
      for (const { id, vendor, eventLabel } of changes) {
        update.run(vendor, eventLabel, id);
        const row = select.get(id) as CaptureRow | undefined;
        if (row) updated.push(toSummary(row));
      }
      return updated;
    })();
  }

  /** Up to `limit` stored capture ids after `afterId`, oldest first (background passes over every capture). */
  idsAfter(afterId: number, limit: number): number[] {
    this.current();
    return this.db
      .prepare('SELECT id FROM captures WHERE id > ? ORDER BY id LIMIT ?')
      .pluck()
      .all(afterId, limit) as number[];
  }

  /**
   * The response recorded with a capture was never sent: the client went away first. It stays on the capture with
   * `reason` saying so, but counts as no response (no status in the list, filters or status counts).
   */
  markResponseNotSent(id: number, reason: string): void {
    this.current(id);
    const row = this.db
      .prepare('SELECT endpoint_id, response_status, response FROM captures WHERE id = ?')
      .get(id) as
      { endpoint_id: number | null; response_status: number | null; response: string | null } | undefined;
    if (!row?.response) return;
    const response = { ...(JSON.parse(row.response) as object), reason };
    const statusClass = statusClassIndex(row.response_status);
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE captures SET response_status = NULL, response = ? WHERE id = ?')
        .run(JSON.stringify(response), id);
      if (statusClass === null) return;
      const column = `status_${statusClasses[statusClass]}`;
      this.db.prepare('UPDATE counters SET value = value - 1 WHERE name = ?').run(column);
      if (row.endpoint_id !== null)
        this.db.prepare(`UPDATE endpoints SET ${column} = ${column} - 1 WHERE id = ?`).run(row.endpoint_id);
    })();
    const summary = this.db
      .prepare(`SELECT ${summaryColumns} FROM captures c WHERE c.id = ?`)
      .get(id) as CaptureRow;
    this.events.updated?.([toSummary(summary)]);
  }

  /** The response recorded with a capture may not have reached its client: `note` is added to its reason, it still counts. */
  noteResponseMayBeUnsent(id: number, note: string): void {
    this.current(id);
    const response = this.db.prepare('SELECT response FROM captures WHERE id = ?').pluck().get(id) as
      string | null | undefined;
    if (!response) return;
    const recorded = JSON.parse(response) as StoredResponse;
    const reason = recorded.reason ? `${recorded.reason}; ${note}` : note;
    this.db
      .prepare('UPDATE captures SET response = ? WHERE id = ?')
      .run(JSON.stringify({ ...recorded, reason }), id);
    const summary = this.db
      .prepare(`SELECT ${summaryColumns} FROM captures c WHERE c.id = ?`)
      .get(id) as CaptureRow;
    this.events.updated?.([toSummary(summary)]);
  }

  /** A response its rule delayed is about to be written: a kill from now on may not have cut it off. */
  markResponseBeingWritten(id: number): void {
    this.db.prepare('INSERT OR IGNORE INTO responses_being_written (capture_id) VALUES (?)').run(id);
  }

  /** A response its rule delayed was written: a kill from now on did not cut it off (see `delayedResponsesNeverWritten`). */
  markResponseWritten(id: number): void {
    this.db.prepare('INSERT OR IGNORE INTO responses_written (capture_id) VALUES (?)').run(id);
  }

  /**
   * Responses a rule delayed that the previous run recorded but never finished writing: it was killed while the delay
   * ran, or while writing (`beingWritten`). Only the last `maxDelayMs` before its newest capture can hold one. Forgets
   * the marks of writes, which are settled now.
   */
  delayedResponsesNeverWritten(maxDelayMs: number): DelayedResponse[] {
    const newest = this.db
      .prepare(
        `SELECT MAX(t) FROM (SELECT MAX(received_at_ms) AS t FROM captures
           UNION ALL SELECT MAX(json_extract(capture, '$.receivedAtMs')) FROM capture_inbox)`,
      )
      .pluck()
      .get() as number | null;
    if (newest === null) return [];
    const since = newest - maxDelayMs;
    const rows = this.db
      .prepare(
        `SELECT id, endpoint_id AS endpointId, response,
                id IN (SELECT capture_id FROM responses_being_written) AS beingWritten FROM captures
           WHERE received_at_ms >= ? AND source != 'imported' AND response_status IS NOT NULL
             AND json_extract(response, '$.delayMs') > 0
             AND id NOT IN (SELECT capture_id FROM responses_written)
         UNION ALL
         SELECT id, json_extract(capture, '$.endpointId'), json_extract(capture, '$.response'),
                id IN (SELECT capture_id FROM responses_being_written) FROM capture_inbox
           WHERE json_extract(capture, '$.receivedAtMs') >= ? AND json_extract(capture, '$.source') != 'imported'
             AND json_extract(capture, '$.response.delayMs') > 0
             AND id NOT IN (SELECT capture_id FROM responses_written)
         ORDER BY id`,
      )
      .all(since, since) as Array<{
      id: number;
      endpointId: number | null;
      response: string;
      beingWritten: number;
    }>;
    this.db.exec('DELETE FROM responses_written; DELETE FROM responses_being_written');
    return rows.map(({ id, endpointId, response, beingWritten }) => ({
      id,
      endpointId,
      response: JSON.parse(response) as StoredResponse,
      beingWritten: beingWritten === 1,
    }));
  }

  /** Replaces a capture's stored signature verdict (checked again with the endpoint's current settings). */
  setVerification(id: number, verification: CaptureVerification): void {
    this.current(id);
    const changed = this.db
      .prepare('UPDATE captures SET verification = ? WHERE id = ?')
      .run(JSON.stringify(verification), id).changes;
    if (changed === 0) throw new ApiError('not_found', `No capture with id ${id}.`, { id });
    const summary = this.db
      .prepare(`SELECT ${summaryColumns} FROM captures c WHERE c.id = ?`)
      .get(id) as CaptureRow;
    this.events.updated?.([toSummary(summary)]);
  }

  /**
   * Deletes the captures among `ids`. With `undoable` (and no more than the trash keeps), they are kept for a while so
   * `restore` can bring them back. Returns how many were deleted, and whether `restore` can undo it.
   */
  /** Deletes of more captures than this are final: the UI asks before one. */
  get maxUndoable(): number {
    return this.trash.maxUndoable;
  }

  delete(ids: number[], options: { undoable?: boolean } = {}): { deleted: number; undoable: boolean } {
    this.current();
    const undoable = options.undoable === true && ids.length <= this.trash.maxUndoable;
    try {
      return this.deleteRows(ids, undoable);
    } catch (error) {
      // Keeping copies to undo with needs room that a full disk lacks; deleting for good makes room.
      if (!undoable || (error as { code?: unknown }).code !== 'SQLITE_FULL') throw error;
      return this.deleteRows(ids, false);
    }
  }

  private deleteRows(ids: number[], undoable: boolean): { deleted: number; undoable: boolean } {
    let deleted = 0;
    const select = this.db.prepare(
      undoable
        ? 'SELECT c.*, b.body FROM captures c LEFT JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id = ?'
        : 'SELECT id, received_at_ms, endpoint_id, stored_body_size, response_status FROM captures WHERE id = ?',
    );
    const delHeaderNames = this.db.prepare(`DELETE FROM capture_header_names WHERE capture_id = ?
      AND name IN (SELECT lower(h.value ->> 0) FROM captures c, json_each(${headersOf('c')}) h WHERE c.id = ?)`);
    const delCapture = this.db.prepare('DELETE FROM captures WHERE id = ?');
    const delBody = this.db.prepare('DELETE FROM capture_bodies WHERE capture_id = ?');
    const bump = this.db.prepare('UPDATE counters SET value = value - ? WHERE name = ?');
    const bumpEndpoint = this.db.prepare(
      `UPDATE endpoints SET capture_count = capture_count - 1,
        status_2xx = status_2xx - ?, status_3xx = status_3xx - ?, status_4xx = status_4xx - ?, status_5xx = status_5xx - ?
       WHERE id = ?`,
    );
    const removed: number[] = [];
    this.db.transaction(() => {
      this.trash.purgeExpired();
      let bytes = 0;
      const classes = [0, 0, 0, 0];
      const perMinute = this.minutes.tally();
      for (const id of ids) {
        const row = select.get(id) as
          | {
              id: number;
              received_at_ms: number;
              endpoint_id: number | null;
              stored_body_size: number;
              response_status: number | null;
            }
          | undefined;
        if (!row) continue;
        if (undoable) this.trash.keep(row as CaptureRow & { body: Buffer | null });
        delHeaderNames.run(id, id);
        delCapture.run(id);
        delBody.run(id);
        bytes += row.stored_body_size;
        perMinute.count(row.endpoint_id, row.received_at_ms, -1);
        const statusClass = statusClassIndex(row.response_status);
        if (statusClass !== null) classes[statusClass]!++;
        if (row.endpoint_id !== null)
          bumpEndpoint.run(...[0, 1, 2, 3].map((k) => (k === statusClass ? 1 : 0)), row.endpoint_id);
        removed.push(id);
        deleted++;
      }
      bump.run(deleted, 'captures');
      bump.run(bytes, 'body_bytes');
      statusClasses.forEach((c, i) => bump.run(classes[i], `status_${c}`));
      perMinute.apply();
    })();
    this.indexer.deleted(removed);
    if (removed.length) this.events.deleted(removed, false);
    return { deleted, undoable: undoable && deleted > 0 };
  }

  /**
   * Undoes a delete: the captures among `ids` still in the trash come back with their ids, labels and bodies, filed and
   * searchable again before this returns. Returns the ids restored.
   */
  restore(ids: number[]): number[] {
    const restored = this.trash.moveToInbox(ids);
    if (restored.length === 0) return [];
    this.fileWaiting();
    this.indexer.restored(restored);
    return restored;
  }

  /** Forgets deleted captures kept longer than a delete can be undone (retention's interval calls it). */
  forgetExpiredDeletes(): void {
    this.trash.purgeExpired();
  }

  deleteAll(): number {
    this.writer.flush();
    const count = this.counter('captures') + this.filer.unfiledCount();
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM captures; DELETE FROM capture_bodies; DELETE FROM capture_inbox;
        UPDATE counters SET value = 0
          WHERE name IN ('captures', 'body_bytes', 'status_2xx', 'status_3xx', 'status_4xx', 'status_5xx');
        UPDATE endpoints SET capture_count = 0, status_2xx = 0, status_3xx = 0, status_4xx = 0, status_5xx = 0;`);
      this.minutes.clear();
      this.trash.clear();
      this.headerNames.clear();
    })();
    this.headerNames.reload();
    this.failing.file = null; // nothing is left to file
    this.reclaimSpace(this.indexer.deletedAll());
    this.events.deleted([], true);
    return count;
  }

  /**
   * Gives the pages freed by deleting everything back to the disk: SQLite keeps them for reuse otherwise, and the file
   * (and the size shown) stays as large as it ever was. The copy VACUUM makes is small once the captures are gone;
   * it goes through the WAL, which is then emptied too.
   */
  private reclaimSpace(indexEmptied: boolean): void {
    try {
      this.db.exec('VACUUM main');
    } catch {
      // A statement in progress (a streaming export) or no room for the copy: the pages stay free for new captures.
      return;
    }
    this.checkpointer.truncate();
    // The search index's file (and WAL) held as much again as the captures' and kept it all, so the database size
    // shown after deleting everything stayed in the tens of MB. Not emptied yet, copying it would take long.
    if (!indexEmptied) return;
    try {
      this.db.exec(`VACUUM ${searchIndexSchemaName}`);
      this.db.pragma(`${searchIndexSchemaName}.wal_checkpoint(TRUNCATE)`);
    } catch {
      // not attached (a reader), busy or no room: its pages are reused by new captures
    }
  }

  stats(): Stats {
    if (this.roomMadeSinceWriteFailed()) this.failing.write = null;
    const progress = this.indexer.progress();
    return {
      // Acknowledged captures, filed or not: the list shows the unfiled ones as soon as the filer reaches them.
      count: this.counter('captures') + this.filer.unfiledCount(),
      bodyBytes: this.counter('body_bytes'),
      dbSizeBytes: this.fileSize(),
      latestId: progress.latestId,
      indexedUpTo: progress.indexedUpTo,
      indexLagRows: progress.lagRows,
      indexLagMs: progress.lagMs,
      storageProblem: describeStorageError(this.failing.file ?? this.failing.write) ?? null,
    };
  }

  /**
   * Nothing else writes while the receiver refuses captures for a full disk, so without a check the problem would be
   * reported until the next capture arrived, however much room was made. At most once a second.
   */
  private roomMadeSinceWriteFailed(): boolean {
    const code = String((this.failing.write as { code?: unknown } | null)?.code ?? '');
    if (!code.startsWith('SQLITE_FULL')) return false;
    const now = this.clock.now();
    if (now < this.fullDisk.nextProbeMs) return false;
    this.fullDisk.nextProbeMs = now + 1000;
    return inboxHasRoomFor(this.db, dirname(this.files.captures), this.fullDisk.bytes);
  }

  private counter(name: string): number {
    return (this.db.prepare('SELECT value FROM counters WHERE name = ?').get(name) as { value: number })
      .value;
  }

  /** Both databases (captures and search index) with their WALs. */
  private fileSize(): number {
    let size = 0;
    for (const file of [this.files.captures, this.files.index])
      for (const suffix of ['', '-wal']) {
        try {
          size += statSync(file + suffix).size;
        } catch {
          // the WAL may not exist yet
        }
      }
    return size;
  }

  close(): void {
    // A clean shutdown leaves nothing unfiled, so tools that only read (the CLI's export) see every capture.
    try {
      this.fileWaiting();
    } catch {
      // filed at the next start instead
    }
    this.reader.close();
    this.headerNames.stop();
    this.filer.stop();
    this.indexer.stop(!this.readOnly);
    this.checkpointer.stop();
  }
}
