import type { Statement } from 'better-sqlite3';
import type { CustomDictionary } from '../../shared/decode/index';
import type { CaptureAnnotations, EngineContext, IncomingCapture } from '../context';
import { BackgroundWriteRetry } from '../store/background-write-retry';
import { storedBodyCodings } from '../../shared/send/transfer-codings';
import { decodeRequestBody } from '../store/body-text';
import { headersOf } from '../store/header-name-backfill';
import { annotate, BACKGROUND_MAX_BYTES, FILING_MAX_BYTES } from './annotate';
import { LargeBodyBacklog, type QueuedCapture, type StoredCodings } from './large-body-backlog';
import { largeBodiesPendingAfter, setLargeBodiesPendingAfter } from './large-body-pending';

type Candidate = {
  vendor: string | null;
  truncated: boolean;
  source: string;
  bodySizeBytes: number;
  compressed: boolean;
};

/** Whether filing left this capture's label to the classifier: over 64 KB, or compressed (it may expand past it). */
const leftForLater = (c: Candidate) =>
  c.vendor === null &&
  !c.truncated &&
  c.source !== 'imported' &&
  (c.bodySizeBytes > FILING_MAX_BYTES
    ? c.bodySizeBytes <= BACKGROUND_MAX_BYTES
    : c.bodySizeBytes > 0 && c.compressed);

const isCompressed = (coded: StoredCodings) =>
  storedBodyCodings(coded.contentEncoding, coded.headers).length > 0;

/** A row's content_encoding and its Transfer-Encoding values (`transfer_encoding`, below) as StoredCodings. */
type CodingColumns = { content_encoding: string | null; transfer_encoding: string | null };
const storedCodings = (row: CodingColumns): StoredCodings => ({
  contentEncoding: row.content_encoding,
  headers: row.transfer_encoding === null ? [] : [['Transfer-Encoding', row.transfer_encoding]],
});

/** The values of the Transfer-Encoding headers of captures `c`, joined with commas (null when it has none). */
const transferEncodingColumn = `(SELECT group_concat(h.value ->> 1, ',') FROM json_each(${headersOf('c')}) h
  WHERE lower(h.value ->> 0) = 'transfer-encoding') AS transfer_encoding`;

/**
 * Which of `count` captures (ids bound in order) are stored in a coding. The Transfer-Encoding test looks each capture
 * up in capture_header_names: `id IN (SELECT capture_id … )` listed every chunked capture in the store on each batch
 * (~49 ms a batch at 500k, in a scratch measurement, against 0.01 ms).
 */
export const codedAmongSql = (count: number) =>
  `SELECT c.id, c.content_encoding, ${transferEncodingColumn} FROM captures c
   WHERE c.id IN (${Array.from({ length: count }, () => '?').join(',')})
   AND ((c.content_encoding IS NOT NULL AND trim(lower(c.content_encoding)) NOT IN ('', 'identity'))
     OR EXISTS (SELECT 1 FROM capture_header_names n WHERE n.name = 'transfer-encoding' AND n.capture_id = c.id))`;

/**
 * Filing classifies bodies up to 64 KB only (it shares a few-millisecond slice with the receiver; a 1 MB JSON body
 * takes about 20 ms). Received captures with bigger bodies and no label are classified here afterwards, one per
 * event-loop turn, and their labels stored and announced (`capture.updated`) as the Relabeller does. That includes
 * compressed bodies small on the wire that expand past 64 KB (a gzipped batch of contacts), which filing gave up on.
 * Filing marks such captures as waiting (large-body-pending.ts), so a restart before they are classified resumes them.
 * Those an older build may have lost that way are classified again once, when nothing newer waits (large-body-backlog.ts).
 */
export class LargeBodyClassifier {
  private readonly queue: QueuedCapture[] = [];
  private readonly backlog: LargeBodyBacklog;
  private unlabelledIn: Statement<number[]> | undefined;
  private readonly encodingsOf: Statement<number[], { id: number } & CodingColumns>[] = [];
  private pending: ReturnType<typeof setImmediate> | null = null;
  private readonly storage: BackgroundWriteRetry;
  private readonly off: () => void;
  /** Whether the waiting mark is stored (kept in memory: filing checks it for every capture it leaves to us). */
  private marked: boolean;

  constructor(
    private readonly ctx: EngineContext,
    private readonly custom: () => CustomDictionary | undefined,
  ) {
    this.storage = new BackgroundWriteRetry(ctx.clock, ctx.log, 'large-body labels');
    const pendingAfter = largeBodiesPendingAfter(ctx.db);
    this.marked = pendingAfter !== null;
    if (pendingAfter !== null) this.queue.push(...this.leftForLaterIn(pendingAfter + 1));
    this.backlog = new LargeBodyBacklog(ctx.db, (from, through) => this.leftForLaterIn(from, through));
    this.off = ctx.bus.on('capture.created', ({ items }) => {
      const large: QueuedCapture[] = [];
      const small: number[] = [];
      for (const c of items) {
        if (c.vendor !== null || c.truncated || c.source === 'imported') continue;
        if (c.bodySizeBytes > FILING_MAX_BYTES) {
          if (c.bodySizeBytes <= BACKGROUND_MAX_BYTES) large.push({ id: c.id });
        } else if (c.bodySizeBytes > 0) small.push(c.id);
      }
      for (const { id, coded } of this.compressed(small)) large.push({ id, coded });
      // In id order, so the waiting mark can move up to the oldest still queued.
      this.queue.push(...large.sort((a, b) => a.id - b.id));
      this.schedule();
    });
    this.schedule();
  }

  /**
   * The receiver's annotator calls this inside the filing transaction with the labels filing found: a capture left for
   * later is marked as waiting with it, before any reader or a restart can see it filed.
   */
  noteFiled(capture: IncomingCapture, labels: CaptureAnnotations): void {
    if (this.marked) return;
    // Runs for every capture filed: only the fields leftForLater reads, not a copy of the whole capture.
    const candidate: Candidate = {
      vendor: labels.vendor ?? null,
      truncated: capture.truncated,
      source: capture.source,
      bodySizeBytes: capture.bodySizeBytes,
      compressed: isCompressed(capture),
    };
    if (!leftForLater(candidate)) return;
    // This capture is not inserted yet: every id up to the newest filed one has had its chance.
    const newest = this.ctx.db.prepare('SELECT COALESCE(MAX(id), 0) FROM captures').pluck().get() as number;
    setLargeBodiesPendingAfter(this.ctx.db, newest);
    this.marked = true;
  }

  /** The unlabelled captures with ids in [from, through] that filing left for later (an earlier run may not have run). */
  private leftForLaterIn(from: number, through = Number.MAX_SAFE_INTEGER): QueuedCapture[] {
    const rows = (this.unlabelledIn ??= this.ctx.db.prepare(
      `SELECT c.id, c.body_size, c.truncated, c.source, c.content_encoding, ${transferEncodingColumn} FROM captures c
       WHERE c.id >= ? AND c.id <= ? AND c.vendor IS NULL AND c.body_size > 0 ORDER BY c.id`,
    )).all(from, through) as Array<
      {
        id: number;
        body_size: number;
        truncated: number;
        source: string;
      } & CodingColumns
    >;
    return rows
      .map((r) => ({ row: r, coded: storedCodings(r) }))
      .filter(({ row, coded }) =>
        leftForLater({
          vendor: null,
          truncated: row.truncated !== 0,
          source: row.source,
          bodySizeBytes: row.body_size,
          compressed: isCompressed(coded),
        }),
      )
      .map(({ row, coded }) => (row.body_size > FILING_MAX_BYTES ? { id: row.id } : { id: row.id, coded }));
  }

  /**
   * Which of these captures are stored in a coding: a Content-Encoding or a transfer coding before chunked (most
   * webhooks have neither: one indexed lookup per batch).
   */
  private compressed(ids: number[]): { id: number; coded: StoredCodings }[] {
    if (ids.length === 0) return [];
    const statement = (this.encodingsOf[ids.length] ??= this.ctx.db.prepare(codedAmongSql(ids.length)));
    return statement
      .all(...ids)
      .map((row) => ({ id: row.id, coded: storedCodings(row) }))
      .filter(({ coded }) => isCompressed(coded));
  }

  stop(): void {
    this.off();
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    this.storage.stop();
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.pending || this.storage.waiting) return;
    if (this.queue.length === 0) {
      if (
        !this.storage.attempt(
          () => this.moveMark(),
          () => this.schedule(),
        )
      )
        return;
      if (this.backlog.done) return;
    }
    this.pending = setImmediate(() => {
      this.pending = null;
      const next = this.queue.shift() ?? this.backlog.next();
      const stored = this.storage.attempt(
        () => {
          if (next && (next.coded === undefined || this.expandsPastFiling(next.id, next.coded)))
            this.classify(next.id);
          this.moveMark();
        },
        () => this.schedule(),
      );
      // Its label, or the mark that it was labelled, could not be stored: it goes first when the retry comes.
      if (!stored) {
        if (next) this.queue.unshift(next);
        return;
      }
      this.schedule();
    });
    this.pending.unref?.();
  }

  /** Moves the waiting mark up to just before the oldest capture still queued, or clears it when none is. */
  private moveMark(): void {
    const oldest = this.queue[0];
    if (!oldest && !this.marked) return;
    setLargeBodiesPendingAfter(this.ctx.db, oldest ? oldest.id - 1 : null);
    this.marked = oldest !== undefined;
  }

  /** A body filing could expand within its 64 KB was classified then; only the ones that outgrew it are left. */
  private expandsPastFiling(id: number, coded: StoredCodings): boolean {
    let body: Buffer;
    try {
      body = this.ctx.captures.body(id);
    } catch {
      return false; // deleted meanwhile
    }
    if (body.length > BACKGROUND_MAX_BYTES) return false;
    return decodeRequestBody(body, coded.contentEncoding, coded.headers, FILING_MAX_BYTES).overCap === true;
  }

  private classify(id: number): void {
    let detail;
    try {
      detail = this.ctx.captures.get(id);
    } catch {
      return; // deleted meanwhile
    }
    if (detail.vendor !== null) return;
    const { vendor = null, eventLabel = null } = annotate(
      { ...detail, body: Buffer.from(detail.bodyBase64, 'base64'), contentEncoding: detail.contentEncoding },
      this.custom,
      BACKGROUND_MAX_BYTES,
    );
    if (vendor === null) return;
    const [summary] = this.ctx.captures.setLabels([{ id, vendor, eventLabel }]);
    if (!summary) return;
    this.ctx.captures.indexer.relabelled([id]);
    this.ctx.bus.emit('capture.updated', { items: [summary] });
  }
}
