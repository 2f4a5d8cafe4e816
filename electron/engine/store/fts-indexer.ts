import { cjkBigramText } from '../../shared/cjk-bigrams';
import { foldedCopy } from '../../shared/search-folding';
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { HeaderPair } from '../../shared/contract/index';
import type { Clock } from '../util/clock';
import { decodeComponent, isJsonType, looksLikeForm } from '../../shared/decode/body';
import { headerValueText } from '../../shared/decode/header-text';
import { isMultipartType } from '../../shared/decode/multipart';
import { decodeRequestBody, indexableMultipartText, indexableText } from './body-text';
import { jsonUnescaped } from './json-unescaped';
import { xmlUnescaped } from './xml-unescaped';
import { LoopShare } from './loop-share';
import { withoutWaiting } from './without-waiting';

export interface IndexableCapture {
  id: number;
  method: string;
  path: string;
  query: string;
  headers: HeaderPair[];
  contentType: string | null;
  /** An imported capture's whole Content-Type when its headers have none (captures.har_mime_type). */
  harContentType: string | null;
  body: Buffer;
  vendor: string | null;
  eventLabel: string | null;
}

/** Extra words for a capture (decoded field labels, vendor, event). Must never throw. */
export type SearchTextExtractor = (capture: IndexableCapture) => string;

type IndexRow = {
  id: number;
  received_at_ms: number;
  method: string;
  path: string;
  query: string;
  headers: string;
  content_type: string | null;
  har_mime_type: string | null;
  trailers: string | null;
  content_encoding: string | null;
  vendor: string | null;
  event_label: string | null;
  body: Buffer;
};
const indexRowSelect = `SELECT c.id, c.received_at_ms, c.method, c.path, c.query, c.headers, c.content_type,
  c.har_mime_type, c.content_encoding, c.vendor, c.event_label, c.trailers, b.body FROM captures c JOIN capture_bodies b ON b.capture_id = c.id`;

/** rowid, path, query, headers, body, labels */
type PreparedRow = [number, string, string, string, string, string];

export interface IndexProgress {
  indexedUpTo: number;
  latestId: number;
  /** Captures not yet searchable: exact up to 5,000; beyond that counted by id, so deleted captures may over-count. */
  lagRows: number;
  lagMs: number;
}

/**
 * Fills the full-text index in small batches after rows are committed, so indexing never sits on the acknowledge
 * path. The index is its own database file (search-index/index-schema.ts); the watermark (`index_state.indexed_upto`)
 * is stored there with each batch, so a crash re-indexes at most one batch. Its writes never wait: while the merger
 * worker holds the index's write lock, the batch stays prepared and is tried again a few milliseconds later.
 *
 * It shares the event loop with the receiver, so each batch is a time slice (`sliceMs`), never a fixed row count: a
 * 500-row batch of decoded Ortto payloads took ~150 ms and was the receiver's p99. While captures keep arriving it
 * rests between slices (see `restAfter`): the receiver gets most of the loop during a burst, and all but a twentieth of it
 * while the burst saturates the loop; once traffic pauses it runs back to back and catches up.
 */
export class FtsIndexer {
  private timer: { cancel(): void } | null = null;
  private running = false;
  private stopped = false;
  private lastProgressAt = 0;
  private lastCommitAt = -Infinity;
  /** Rows the last slice managed, so the next one reads about as many bodies as it can index. */
  private lastSliceRows = 32;
  /** Index rows prepared by earlier slices, written together (ids ascending, all above the watermark). */
  private prepared: PreparedRow[] = [];
  private preparedAt = 0;
  private readonly discarded = new Set<number>();
  /**
   * [0] is 1 while a write waits for the index's lock. The merging worker starts no merge step meanwhile: steps of up to
   * ~0.3 s back to back left a write that retried every few milliseconds waiting for seconds.
   */
  readonly writeWaiting = new Int32Array(new SharedArrayBuffer(4));
  /** Index rows of deleted captures, removed with the next write (ids at or below the watermark). */
  private pendingDeletes: number[] = [];
  /** Every capture up to this id was deleted (and, at open, those below the oldest capture): remove their rows. */
  private pendingDeleteUpTo: number | null = null;
  /** Shared with the filer: both are background work, and neither should read the other's catch-up as traffic. */
  loopShare = new LoopShare();
  /** Slices that failed in a row (reset by one that works). */
  private failures = 0;
  private readonly selectBatch: Database.Statement;
  private readonly selectOne: Database.Statement;
  private readonly insertFts: Database.Statement;
  private readonly deleteFts: Database.Statement;
  private readonly deleteFtsUpTo: Database.Statement;
  private readonly setWatermark: Database.Statement;
  private readonly getWatermark: Database.Statement;
  private readonly filedAbove: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly extractors: SearchTextExtractor[],
    private readonly clock: Clock,
    private readonly onProgress: (progress: IndexProgress) => void,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly batchRows = 200,
    private readonly batchBytes = 4 * 1024 * 1024,
    private readonly sliceMs = 4,
    private readonly busyRestMs = 8,
    // Resting at a third of the loop until the backlog was 400 ms old left the lag at 5k captures/s hovering there (p50
    // 716 ms, max 1.3 s at 1M rows); from 150 ms on it takes its full share and the lag stays p50 50 / max 241 ms.
    private readonly maxRestingLagMs = 150,
    // 48 rows a transaction: 128 let FTS5's merges make single writes of 57 ms; the index rate at 1M rows was the same.
    private readonly writeRows = 48,
    /** Past this backlog age the index takes its full share even while the receiver is saturated. */
    private readonly maxSaturatedLagMs = 60_000,
    /** After finding the index locked by the merger. */
    private readonly busyRetryMs = 5,
  ) {
    this.selectBatch = db.prepare(`${indexRowSelect} WHERE c.id > ? ORDER BY c.id LIMIT ?`);
    this.selectOne = db.prepare(`${indexRowSelect} WHERE c.id = ?`);
    this.insertFts = db.prepare(
      'INSERT INTO captures_fts (rowid, path, query, headers, body, labels) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.deleteFts = db.prepare('DELETE FROM captures_fts WHERE rowid = ?');
    this.deleteFtsUpTo = db.prepare('DELETE FROM captures_fts WHERE rowid <= ?');
    this.setWatermark = db.prepare('UPDATE idx.index_state SET indexed_upto = ?');
    this.getWatermark = db.prepare('SELECT indexed_upto FROM idx.index_state').pluck();
    this.filedAbove = db.prepare('SELECT 1 FROM captures WHERE id > ? LIMIT 1').pluck();
    // Deletes reach the index after their captures' COMMIT, so a crash in between leaves rows of captures that are
    // gone. Searches join the captures table and never show them; drop those retention left below the oldest capture.
    const oldest = db.prepare('SELECT MIN(id) FROM captures').pluck().get() as number | null;
    const upTo = this.indexedUpTo();
    if (upTo > 0) this.pendingDeleteUpTo = oldest === null ? upTo : Math.min(oldest - 1, upTo);
    if (this.pendingDeleteUpTo === 0) this.pendingDeleteUpTo = null;
  }

  indexedUpTo(): number {
    return this.getWatermark.get() as number;
  }

  /** A batch of captures was committed: index it soon, politely while more keep coming. */
  committed(): void {
    this.lastCommitAt = performance.now();
    this.poke();
  }

  /** Ask for indexing soon. */
  poke(delayMs = 25): void {
    if (this.stopped || this.timer || this.running) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      try {
        this.runOnce();
        this.failures = 0;
      } catch (error) {
        // A slice that cannot write (the database busy past its timeout, the disk full) must never take the process
        // down with it: the prepared rows are kept, and the slice is tried again, backing off to 5 s.
        this.failures++;
        this.onError(error);
        this.poke(Math.min(5_000, 50 * 2 ** Math.min(this.failures, 7)));
      }
    }, delayMs);
  }

  /**
   * One time slice (or `budgetMs`): prepare index rows (the expensive part: decoding, extractors) and write them in
   * one transaction once `writeRows` are ready or the backlog is done. FTS5 makes a new segment per transaction, so
   * writing a few rows per slice made every row ~5× dearer in merges. Schedules itself again while behind. Returns how
   * many rows were written to the index.
   */
  runOnce(budgetMs: number = this.sliceMs): number {
    if (this.stopped) return 0;
    const started = performance.now();
    this.running = true;
    let written = 0;
    let behind: boolean;
    let busy = false;
    let oldestWaitingMs: number | null;
    try {
      const from =
        this.prepared.length > 0 ? this.prepared[this.prepared.length - 1]![0] : this.indexedUpTo();
      const want =
        budgetMs === Infinity
          ? this.batchRows
          : Math.min(this.batchRows, Math.max(16, this.lastSliceRows * 2));
      // A full batch still waiting for the index's lock: only try to write it, prepare nothing more meanwhile.
      const waitingToWrite = budgetMs !== Infinity && this.prepared.length >= this.writeRows;
      const rows = waitingToWrite ? [] : (this.selectBatch.all(from, want) as IndexRow[]);
      let done = 0;
      let bytes = 0;
      for (const row of rows) {
        // At least one row per slice, so the index always moves forward.
        if (done > 0 && (performance.now() - started > budgetMs || bytes > this.batchBytes)) break;
        this.prepared.push(this.prepare(row));
        bytes += row.body.byteLength;
        done++;
      }
      if (budgetMs !== Infinity && !waitingToWrite) this.lastSliceRows = Math.max(1, done);
      behind = waitingToWrite || rows.length === want || done < rows.length;
      oldestWaitingMs = this.prepared[0] ? this.preparedAt : (rows[done]?.received_at_ms ?? null);
      if (
        (this.prepared.length > 0 &&
          (!behind || this.prepared.length >= this.writeRows || budgetMs === Infinity)) ||
        (this.prepared.length === 0 && this.hasPendingDeletes())
      ) {
        written = this.writePrepared(budgetMs === Infinity);
        if (written < 0) {
          // The merger holds the index: keep what is prepared and try again shortly.
          written = 0;
          busy = true;
        }
      }
    } finally {
      this.running = false;
    }
    // Progress counts the backlog, which costs a scan of it: only when caught up or every 250 ms.
    const now = this.clock.now();
    if (!behind || now - this.lastProgressAt >= 250) {
      this.lastProgressAt = now;
      const progress = this.progress();
      this.onProgress(progress);
      // Only filed captures can be indexed; the filer wakes the indexer when it files more.
      behind = progress.lagRows > 0 && this.filedAbove.get(progress.indexedUpTo) !== undefined;
    }
    const tookMs = performance.now() - started;
    this.loopShare.note(tookMs);
    const backlogAgeMs = oldestWaitingMs === null ? 0 : now - oldestWaitingMs;
    if (busy) this.poke(Math.max(this.busyRetryMs, this.restAfter(tookMs, backlogAgeMs)));
    else if (behind) this.poke(this.restAfter(tookMs, backlogAgeMs));
    return written;
  }

  /**
   * How long to rest after a slice. Captures come first: while they keep arriving the index rests `busyRestMs` as long
   * as its backlog is young, and takes its full share of the loop once the backlog is older than `maxRestingLagMs`, so
   * the lag stays bounded under sustained load — unless the receiver alone keeps the loop busy: then indexing more
   * would only slow the acknowledgements, so it takes about a twentieth of the loop and lets the lag grow (reported as
   * index lag) until the burst passes. When captures stop, it runs back to back.
   */
  private restAfter(tookMs: number, backlogAgeMs: number): number {
    if (performance.now() - this.lastCommitAt >= 50) return 0;
    if (this.loopShare.saturated && backlogAgeMs < this.maxSaturatedLagMs)
      return Math.max(this.busyRestMs, Math.ceil(tookMs * 19));
    return backlogAgeMs < this.maxRestingLagMs ? this.busyRestMs : 0;
  }

  private prepare(row: IndexRow): PreparedRow {
    if (this.prepared.length === 0) this.preparedAt = row.received_at_ms;
    const headers = JSON.parse(row.headers) as HeaderPair[];
    const decoded = decodeRequestBody(row.body, row.content_encoding, headers).body ?? row.body;
    const capture: IndexableCapture = {
      id: row.id,
      method: row.method,
      path: row.path,
      query: row.query,
      headers,
      contentType: row.content_type,
      harContentType: row.har_mime_type,
      body: decoded,
      vendor: row.vendor,
      eventLabel: row.event_label,
    };
    const labels = [row.vendor ?? '', row.event_label ?? '', row.method];
    for (const extract of this.extractors) {
      try {
        labels.push(extract(capture));
      } catch {
        // An extractor bug must never stop indexing; the capture is still found by its raw text.
      }
    }
    const typeSent = contentTypeHeader(headers) ?? row.har_mime_type;
    const bodyText =
      (isMultipartType(row.content_type) ? indexableMultipartText(decoded, typeSent) : null) ??
      indexableText(decoded, typeSent);
    const path = withDecoded(row.path, safePathDecode(row.path));
    const query = safeDecode(row.query);
    const headerText = [...headers, ...(row.trailers ? (JSON.parse(row.trailers) as HeaderPair[]) : [])]
      .map(([n, v]) => `${n}: ${withUtf8(v)}`)
      .join('\n');
    // A body is searched as the Decoded tab shows it, and as sent: a form's fields read (`data[id]`, `Mary Ann`) —
    // post data is read as a form whatever its Content-Type says (none, text/plain) —, a JSON body's strings read
    // (`José` for `Jos\u00e9`), an XML body's references read (`José` for `Jos&#233;`).
    const body = withDecoded(bodyText, readAsShown(bodyText, row.content_type));
    const labelText = labels.join(' ');
    const texts = [path, query, headerText, body, labelText];
    const folded = texts.map(foldedCopy).filter((t): t is string => t !== null);
    const extra = [...texts, ...folded].map(cjkBigramText).concat(folded).filter(Boolean).join('\n');
    return [row.id, path, query, headerText, body, extra ? `${labelText}\n${extra}` : labelText];
  }

  /**
   * Removes the rows of deleted captures, writes the prepared rows and moves the watermark, in one transaction. Returns
   * the rows written, or -1 if it would have had to wait for the index's write lock (unless `wait`).
   */
  private writePrepared(wait: boolean): number {
    const rows = this.prepared;
    if (rows.length === 0 && !this.hasPendingDeletes()) return 0;
    const deletes = this.pendingDeletes;
    const upTo = this.pendingDeleteUpTo;
    const write = this.db.transaction(() => {
      // Deletes first: rows written after them are of captures committed after the deletes.
      if (upTo !== null) {
        if (this.indexedUpTo() <= upTo)
          this.db.exec("INSERT INTO captures_fts (captures_fts) VALUES ('delete-all')");
        else this.deleteFtsUpTo.run(upTo);
      }
      for (const id of deletes) this.deleteFts.run(id);
      for (const r of rows) if (!this.discarded.has(r[0])) this.insertFts.run(...r);
      if (rows.length > 0) this.setWatermark.run(rows[rows.length - 1]![0]);
    });
    if (wait) write();
    else if (!withoutWaiting(this.db, write)) {
      Atomics.store(this.writeWaiting, 0, 1);
      return -1;
    }
    Atomics.store(this.writeWaiting, 0, 0);
    this.prepared = [];
    this.discarded.clear();
    this.pendingDeletes = [];
    this.pendingDeleteUpTo = null;
    return rows.length;
  }

  private hasPendingDeletes(): boolean {
    return this.pendingDeletes.length > 0 || this.pendingDeleteUpTo !== null;
  }

  /** Captures were deleted: their index rows go with the next write, and rows prepared for them are never written. */
  deleted(ids: number[]): void {
    if (ids.length === 0) return;
    const pending = new Set(this.prepared.map((r) => r[0]));
    const upTo = this.indexedUpTo();
    for (const id of ids) {
      if (pending.has(id)) this.discarded.add(id);
      else if (id <= upTo) this.pendingDeletes.push(id);
    }
    this.poke();
  }

  /**
   * Deleted captures came back under their old ids (CaptureStore.restore, after filing them). Ids above the watermark
   * are indexed in turn; those at or below it are indexed now, after everything pending is written (so a pending
   * delete of the same id cannot remove the new row, and a row prepared before the delete is not skipped for good).
   */
  restored(ids: number[]): void {
    this.writePrepared(true);
    const upTo = this.indexedUpTo();
    const rows: PreparedRow[] = [];
    for (const id of ids) {
      if (id > upTo) continue;
      const row = this.selectOne.get(id) as IndexRow | undefined;
      if (row) rows.push(this.prepare(row));
    }
    if (rows.length === 0) return;
    this.db.transaction(() => {
      for (const r of rows) {
        this.deleteFts.run(r[0]);
        this.insertFts.run(...r);
      }
    })();
  }

  /** Captures' labels were changed (CaptureStore.setLabels): those already indexed are indexed again now. */
  relabelled(ids: number[]): void {
    this.restored(ids);
  }

  /**
   * Index every capture again, from the oldest: the decoder's labels changed (a custom dictionary imported, edited or
   * deleted), and a capture is otherwise indexed once, with the labels of its day. The index is emptied and its
   * watermark set back; the background catches up in id order as after a burst, and `progress` reports the lag.
   */
  reindexAll(): void {
    this.writePrepared(true);
    this.db.transaction(() => {
      this.db.exec("INSERT INTO captures_fts (captures_fts) VALUES ('delete-all')");
      this.setWatermark.run(0);
    })();
    this.poke();
  }

  /**
   * Every capture was deleted (call it right after that commit, before any capture is added). The index is emptied
   * now rather than at the next slice, so the caller can give its pages back to the disk; if it cannot be written now,
   * the next slice empties it. Returns whether the index is empty now.
   */
  deletedAll(): boolean {
    for (const r of this.prepared) this.discarded.add(r[0]);
    this.pendingDeletes = [];
    this.pendingDeleteUpTo = Math.max(this.pendingDeleteUpTo ?? 0, this.latestCaptureId());
    try {
      this.writePrepared(true);
      return true;
    } catch {
      this.poke();
      return false;
    }
  }

  /** Runs before `drain`: the store files every acknowledged capture, so "everything" includes them. */
  beforeDrain: () => void = () => undefined;

  /** The oldest capture not filed yet, which counts as not indexed (set by the store). */
  oldestUnfiled: () => { id: number; arrivedAtMs: number } | undefined = () => undefined;

  /** Index everything now (tests, export, shutdown). */
  drain(): void {
    this.beforeDrain();
    while (this.runOnce(Infinity) > 0) {
      /* keep going */
    }
  }

  /** The id of the newest capture ever acknowledged, filed or still in the inbox (ids are never reused). */
  private latestCaptureId(): number {
    return (
      (this.db
        .prepare("SELECT MAX(seq) FROM sqlite_sequence WHERE name IN ('captures', 'capture_inbox')")
        .pluck()
        .get() as number | null) ?? 0
    );
  }

  progress(): IndexProgress {
    const indexedUpTo = this.indexedUpTo();
    const latestId = this.latestCaptureId();
    const oldest =
      (this.db
        .prepare(
          // An import's wait counts from when it was imported: it was sent (received_at_ms) days before, maybe.
          'SELECT id, COALESCE(imported_at_ms, received_at_ms) AS arrived_at_ms FROM captures WHERE id > ? ORDER BY id LIMIT 1',
        )
        .get(indexedUpTo) as { id: number; arrived_at_ms: number } | undefined) ??
      unfiledRow(this.oldestUnfiled());
    // Counting the backlog scans it: 13-40 ms once a saturating burst left 100k rows behind, on the receiver's event
    // loop every 250 ms. Count exactly only a small backlog; past that, ids are a close upper bound (deleted captures
    // leave gaps).
    const gap = oldest ? latestId - oldest.id + 1 : 0;
    const lagRows = !oldest
      ? 0
      : gap <= exactLagCountUpTo
        ? (
            this.db
              .prepare(
                'SELECT (SELECT COUNT(*) FROM captures WHERE id > ?) + (SELECT COUNT(*) FROM capture_inbox) AS n',
              )
              .get(indexedUpTo) as { n: number }
          ).n
        : gap;
    return {
      indexedUpTo,
      latestId,
      lagRows,
      lagMs: oldest ? Math.max(0, this.clock.now() - oldest.arrived_at_ms) : 0,
    };
  }

  /** `write`: write what is prepared and the pending deletes first (not in a reader, which must never write). */
  stop(write = true): void {
    if (write && !this.stopped) {
      try {
        this.writePrepared(true);
      } catch {
        // closing anyway: the rows are prepared again from the watermark next time
      }
    }
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }
}

const exactLagCountUpTo = 5_000;

const unfiledRow = (oldest: { id: number; arrivedAtMs: number } | undefined) =>
  oldest && { id: oldest.id, arrived_at_ms: oldest.arrivedAtMs };

/** The raw text, and its decoded form after it when that differs, so either finds the capture. */
const withDecoded = (raw: string, decoded: string) => (decoded === raw ? raw : `${raw}\n${decoded}`);

/** Body text with the escapes of its format read, as the Decoded tab shows its values. */
function readAsShown(text: string, contentType: string | null): string {
  if (isForm(contentType) || looksLikeForm(text)) return safeDecode(text);
  const first = text.trimStart().charAt(0);
  if (first === '<') return xmlUnescaped(text);
  // Only what the decoder reads as JSON: a backslash in plain text (C:\new) is no escape.
  return isJsonType(contentType) || first === '{' || first === '[' ? jsonUnescaped(text) : text;
}

/** A header value as stored (Latin-1), plus its UTF-8 reading when it was sent as UTF-8: `café` finds it. */
const withUtf8 = (value: string) => {
  const read = headerValueText(value);
  return read.utf8 ? `${value} ${read.text}` : value;
};

const contentTypeHeader = (headers: HeaderPair[]) =>
  headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;

const isForm = (contentType: string | null) =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';

/** A path percent-decoded (`/unicode/%E6%97%A5` → `/unicode/日`); `+` is a plus in a path. */
function safePathDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A query or form body as the Decoded tab reads it: `+` is a space, and %XX runs that are not UTF-8 are Latin-1. */
const safeDecode = (query: string): string => decodeComponent(query).text;
