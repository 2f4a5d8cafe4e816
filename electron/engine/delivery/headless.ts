import Database from 'better-sqlite3';
import type { BulkProgress, DeliverySummary } from '../../shared/contract/delivery';
import { formatDuration } from '../../shared/format-duration';
import { findMigrationsDir, loadMigrations, migrate } from '../store/migrator';
import { systemClock } from '../util/clock';
import { silentLogger } from '../util/logger';
import { isTerminal } from './delivery-store';
import { DeliveryService } from './service';
import { slotsTakenAhead } from './slots-ahead';

export interface AttemptLine {
  deliveryId: number;
  row: number | null;
  attemptNo: number;
  startedAtMs: number;
  status: number | null;
  error: string | null;
  durationMs: number;
  nextWaitMs: number | null;
  /** The policy's own wait when the target's Retry-After made `nextWaitMs` longer; null otherwise. */
  scheduleWaitMs: number | null;
  /** The destination's spacing between attempts (60000 / its rate per minute), which time scaling leaves alone. */
  rateGapMs: number | null;
  /** Deliveries to the same destination that take its rate slots before this one's next attempt. */
  slotsAhead: number;
  /** Rows of this delivery's bulk job are still to be queued, and may go ahead of its next attempt too. */
  moreRowsToQueue: boolean;
  outcome: string;
}

/** Done, or stopped (an unexpected error halted it) with no attempt still out, so its counts are final. */
export function bulkEnded(job: BulkProgress): boolean {
  return job.state === 'done' || (job.state === 'stopped' && job.counts.pending === 0);
}

/**
 * The delivery engine for the CLI: the same queue and policies, over an in-memory SQLite database (no data dir,
 * no receiver). Nothing outlives the process; a CLI delivery is for scripts and CI, not the persisted queue.
 */
export class HeadlessDelivery {
  readonly service: DeliveryService;
  private readonly db: Database.Database;
  private readonly printed = new Map<number, number>();
  private readonly watchers: Array<() => void> = [];

  constructor(private readonly onAttempt: (line: AttemptLine) => void) {
    this.db = new Database(':memory:');
    migrate(this.db, loadMigrations(findMigrationsDir()));
    this.service = new DeliveryService({
      db: this.db,
      clock: systemClock,
      log: silentLogger,
      emit: (event, payload) => {
        if (event === 'delivery.updated') this.report((payload as { items: DeliverySummary[] }).items);
        for (const watcher of this.watchers) watcher();
      },
    });
    this.service.start();
  }

  /**
   * Resolves once `done()` holds, re-checked after every change, or once `signal` is aborted (the caller gives up).
   * Keeps the process alive meanwhile.
   */
  until(done: () => boolean, signal?: AbortSignal): Promise<void> {
    if (done() || signal?.aborted) return Promise.resolve();
    const keepAlive = setInterval(() => {}, 60_000);
    return new Promise((resolve) => {
      let settled = false;
      const check = () => {
        if (settled || (!done() && !signal?.aborted)) return;
        settled = true;
        clearInterval(keepAlive);
        this.watchers.splice(this.watchers.indexOf(check), 1);
        signal?.removeEventListener('abort', check);
        resolve();
      };
      this.watchers.push(check);
      signal?.addEventListener('abort', check, { once: true });
    });
  }

  /** The delivery once it has ended, or as it stands when `signal` is aborted. */
  untilDelivered(id: number, signal?: AbortSignal): Promise<DeliverySummary> {
    return this.until(() => isTerminal(this.service.get(id).state), signal).then(() => this.service.get(id));
  }

  /**
   * Resolves once the bulk send ended: done, or stopped (an unexpected error halted it) with no attempt still out, so
   * its counts are final. Nothing resumes a job here, so a stopped one never becomes done. Or as it stands when
   * `signal` is aborted.
   */
  untilBulkEnded(jobId: number, signal?: AbortSignal): Promise<BulkProgress> {
    return this.until(() => bulkEnded(this.service.bulk.progress(jobId)), signal).then(() =>
      this.service.bulk.progress(jobId),
    );
  }

  async close(): Promise<void> {
    await this.service.close(1000);
    this.db.close();
  }

  /**
   * Rows of a bulk send not queued yet: its pending count less its queued deliveries. Not `total - enqueued`: a row the
   * file could not be parsed into counts in the total but is never queued.
   */
  private rowsToQueue(job: BulkProgress): number {
    const c = this.service.queue.store.countsForBulk(job.jobId);
    return job.counts.pending - (c.pending + c.in_flight + c.held);
  }

  private report(items: DeliverySummary[]): void {
    for (const item of items) {
      const seen = this.printed.get(item.id) ?? 0;
      if (item.attempts <= seen) continue;
      const detail = this.service.get(item.id);
      const stored = this.service.queue.store.row(item.id);
      const row = stored?.bulk_row ?? null;
      const rate = stored?.rate_per_minute ?? null;
      const job = stored?.bulk_job_id != null ? this.service.bulk.progress(stored.bulk_job_id) : null;
      const latest = detail.attemptList.at(-1);
      for (const a of detail.attemptList.slice(seen)) {
        this.onAttempt({
          deliveryId: item.id,
          row,
          attemptNo: a.attemptNo,
          startedAtMs: a.startedAtMs,
          status: a.status,
          error: a.error,
          durationMs: a.durationMs,
          nextWaitMs: a.nextWaitMs,
          scheduleWaitMs: a.scheduleWaitMs,
          rateGapMs: rate ? 60_000 / rate : null,
          // The queue as it is now tells only about the attempt just made, not about earlier ones reported late.
          slotsAhead: rate && a === latest ? slotsTakenAhead(this.db, item.id, a.startedAtMs) : 0,
          moreRowsToQueue: job !== null && this.rowsToQueue(job) > 0,
          outcome: a.outcome,
        });
      }
      this.printed.set(item.id, detail.attemptList.length);
    }
  }
}

/**
 * When the next attempt can start, from the end of this one: the policy's wait, or later when the rate gate spaces
 * it from this attempt's start (a time-scaled wait can be far shorter than the gate's spacing), after the slots the
 * deliveries queued ahead of it take.
 */
const nextInMs = (waitMs: number, line: AttemptLine): number =>
  Math.max(waitMs, (line.rateGapMs ?? 0) * (line.slotsAhead + 1) - line.durationMs);

/** `#2  2026-11-22T14:20:00.000Z  500  12.3 ms  next in 300 ms` */
export function formatAttempt(line: AttemptLine): string {
  const who = line.row !== null ? `row ${line.row} ` : '';
  const gaveUp = line.outcome === 'failed' || line.outcome === 'disabled';
  // An answer cut off after its status has both; a given-up attempt names its error after "gave up" instead.
  const cut =
    line.status !== null && line.error && !gaveUp ? ` (${line.error.replace(/^HTTP \d+; /, '')})` : '';
  const result = line.status !== null ? `${line.status}${cut}` : `error: ${line.error ?? 'unknown'}`;
  const retryAfter =
    line.scheduleWaitMs !== null
      ? ` (set by the target's Retry-After; the schedule's wait: ${formatDuration(line.scheduleWaitMs)})`
      : '';
  const next =
    line.outcome === 'retry' && line.nextWaitMs !== null
      ? `next in ${line.moreRowsToQueue ? 'at least ' : ''}${formatDuration(nextInMs(line.nextWaitMs, line))}${retryAfter}`
      : line.outcome === 'success'
        ? 'delivered'
        : line.outcome === 'interrupted'
          ? 'interrupted'
          : `gave up${line.error && line.status !== null ? ` (${line.error})` : ''}`;
  return `${who}#${line.attemptNo}  ${new Date(line.startedAtMs).toISOString()}  ${result}  ${line.durationMs.toFixed(1)} ms  ${next}\n`;
}
