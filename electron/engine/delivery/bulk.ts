import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { httpToken, type HeaderPair } from '../../shared/contract/captures';
import { ApiError } from '../../shared/contract/errors';
import {
  httpUrl,
  type BulkFieldsNotColumns,
  type BulkProgress,
  type bulkTemplate,
} from '../../shared/contract/delivery';
import { resolveTemplate, type Escape } from '../../shared/send/merge-fields';
import { recordsFromFileInTurns } from '../../shared/send/records';
import { headerByteString } from '../../shared/send/bytes';
import { filledHeadersFormat } from '../../shared/send/filled-headers-format';
import { fillHeaderName } from '../../shared/send/fill-header-name';
import { connectionHeaderProblem } from '../../shared/send/connection-headers';
import { refusedHeaderControl } from '../../shared/send/header-value-control';
import { unresolvedFieldsMessage } from '../../shared/send/nested-field-note';
import { chunksInTurns } from '../util/background-chunks';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { describeStorageError } from '../store/storage-error';
import type { DeliveryQueue } from './queue';
import { newDelivery, type DeliveryOptions } from './new-delivery';
import { BulkRows, ROWS_PER_PART, type BulkItem } from './bulk-rows';
import { refuseSpacedVariables } from './unfilled-spaced-variables';
import { mergeRowErrors } from './row-errors-in-order';

type Template = z.output<typeof bulkTemplate>;
type RowError = { row: number; message: string };

export interface BulkStartInput {
  template: Template;
  rows: { content: string; format: 'csv' | 'json' };
  batchSize: number;
  concurrency: number;
  fieldsNotColumns: BulkFieldsNotColumns;
  options: DeliveryOptions;
  env: Record<string, string>;
}

interface JobRow {
  id: number;
  created_at_ms: number;
  state: BulkProgress['state'];
  template_json: string;
  options_json: string;
  /** Links the job to its rows in bulk_job_rows; null once finished before the rows moved there. */
  rows_key: number | null;
  total: number;
  next_row: number;
  skipped: number;
  row_errors_json: string;
  row_errors_omitted: number;
  finished_at_ms: number | null;
  /** Time spent paused, up to the last resume. */
  paused_ms: number;
  /** When the current pause began; null while not paused. */
  paused_at_ms: number | null;
  /** When the job last began to run (resumed, or an engine start picked it up); null: since it was created. */
  running_since_ms: number | null;
}

interface StoredOptions {
  options: DeliveryOptions;
  env: Record<string, string>;
  batchSize: number;
  allowLoop: boolean;
  /** Absent in jobs stored before the option: `refuse`. */
  fieldsNotColumns?: BulkFieldsNotColumns;
}

type Item = BulkItem;

const MAX_ROW_ERRORS = 100;
const PROGRESS_EVERY_MS = 200;
/** Rows enqueued per event-loop turn: a batch of 10,000 built and inserted at once held the engine for a while. */
const ROWS_PER_TURN = 500;
/** A batch the database could not take (a full disk, a lock held too long) is tried again this much later. */
const STORAGE_RETRY_MS = 5_000;
/** Row values in the URL: a base URL or host as typed, credentials and anything past the host percent-encoded. */
const URL_ESCAPE: Escape = 'whole-url';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Bulk sends. Rows are enqueued as deliveries one batch (default 100) at a time, a batch ahead of the queue, so
 * pause holds at most one batch and the job's cursor (`next_row`) survives a restart.
 */
export class BulkRunner {
  private readonly items = new Map<number, BulkRows>();
  /** Jobs whose batch is being enqueued over several turns. */
  private readonly toppingUp = new Set<number>();
  private readonly statements = new Map<string, Database.Statement>();
  private lastEmit = new Map<number, number>();
  /** A progress event owed for changes made inside the throttle window (the last ones of a burst). */
  private readonly trailing = new Map<number, ReturnType<typeof setTimeout>>();
  /** Jobs waiting to try their batch again after the database could not take it. */
  private readonly retrying = new Set<number>();

  constructor(
    private readonly db: Database.Database,
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
    private readonly emit: (progress: BulkProgress) => void,
    private readonly checkUrl: (url: string, allowLoop: boolean) => void,
    private readonly log: Logger,
    /** Fills a row's merge fields; a test swaps it to make one row's build throw. */
    private readonly resolveText: typeof resolveTemplate = resolveTemplate,
  ) {}

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement;
  }

  /**
   * Reads the rows a chunk per event-loop turn and stores them the same way, so a file of 200k rows never holds the
   * receiver for more than a chunk (at once it took about a second).
   */
  async start(input: BulkStartInput): Promise<BulkProgress> {
    const parsed = await recordsFromFileInTurns(input.rows.content, input.rows.format, setImmediate);
    const fileErrors = parsed.errors.filter((e) => e.row === 0);
    if (parsed.rows.length === 0) {
      // Rows that all failed (a JSON array of numbers) would otherwise read as an empty file.
      const firstRowError = parsed.errors[0]?.message;
      const why =
        fileErrors.map((e) => e.message).join('; ') ||
        (firstRowError ? `no data rows: every row was refused (${firstRowError})` : 'no data rows');
      throw new ApiError('invalid_input', `rows: ${why}`);
    }
    // Row numbers are 1-based positions in the file; rows that failed to parse are skipped with their message.
    const bad = new Set(parsed.errors.map((e) => e.row).filter((r) => r > 0));
    const items: Item[] = [];
    let position = 1;
    for (let at = 0; at < parsed.rows.length; at += ROWS_PER_PART) {
      if (at > 0) await nextTurn();
      for (const record of parsed.rows.slice(at, at + ROWS_PER_PART)) {
        while (bad.has(position)) position++;
        items.push({ row: position++, record });
      }
    }
    const first = items[0]!;
    if (input.fieldsNotColumns !== 'send-as-typed') {
      refuseSpacedVariables(templateParts(input.template), first.record);
      if (input.rows.format === 'csv') refuseMissingColumns(input.template, first.record, input.env);
    }
    // Escaped as each row's URL is (see `build`), so the check judges the host the row is really sent to.
    const firstUrl = resolveTemplate(input.template.url, first.record, input.env, {
      escape: URL_ESCAPE,
    }).text;
    this.checkUrl(firstUrl, input.options.allowLoop ?? false);
    const rowErrors = mergeRowErrors(
      [],
      parsed.errors.map((e) => ({ row: e.row, message: e.message })),
      MAX_ROW_ERRORS,
    );
    const stored: StoredOptions = {
      options: { ...input.options, concurrency: input.concurrency },
      env: input.env,
      batchSize: input.batchSize,
      allowLoop: input.options.allowLoop ?? false,
      fieldsNotColumns: input.fieldsNotColumns,
    };
    const rowsKey = await this.storeRowsInTurns(items);
    const info = this.sql(
      `INSERT INTO bulk_jobs (created_at_ms, state, template_json, options_json, rows_json, rows_key, total, skipped,
                              row_errors_json, row_errors_omitted)
         VALUES (?, 'running', ?, ?, '[]', ?, ?, ?, ?, ?)`,
    ).run(
      this.clock.now(),
      JSON.stringify(input.template),
      JSON.stringify(stored),
      rowsKey,
      items.length + bad.size,
      bad.size,
      JSON.stringify(rowErrors.kept),
      rowErrors.omitted,
    );
    const id = Number(info.lastInsertRowid);
    this.items.set(id, BulkRows.inMemory(items));
    this.topUp(id);
    return this.progress(id);
  }

  /** Resume jobs that were running when the engine stopped (and drop rows left by a start or a finish it stopped in). */
  resumeAll(): void {
    this.sql(
      `DELETE FROM bulk_job_rows WHERE rows_key NOT IN
         (SELECT rows_key FROM bulk_jobs WHERE state IN ('running', 'paused') AND rows_key IS NOT NULL)`,
    ).run();
    // The time the engine was down is not time a job ran: it is left out of the rate as a pause is. A stop recorded
    // when it began (`suspendAll`); after a kill, the latest the job is known to have run is its last delivery activity
    // or when it last began to run, whichever is later (a second kill before any activity must not count the downtime
    // before that start, already counted, again).
    this.sql(
      `UPDATE bulk_jobs SET paused_ms = paused_ms + MAX(0, ? - COALESCE(paused_at_ms, MAX(
         COALESCE((SELECT MAX(MAX(d.created_at_ms, COALESCE(d.last_attempt_at_ms, 0), COALESCE(d.finished_at_ms, 0)))
                     FROM deliveries d WHERE d.bulk_job_id = bulk_jobs.id), 0),
         COALESCE(running_since_ms, 0),
         created_at_ms))), paused_at_ms = NULL, running_since_ms = ?
       WHERE state = 'running'`,
    ).run(this.clock.now(), this.clock.now());
    const ids = this.sql(`SELECT id FROM bulk_jobs WHERE state = 'running'`).all() as Array<{ id: number }>;
    for (const { id } of ids) this.topUp(id);
  }

  /** The engine is stopping: the running jobs stop running until it starts again (see `resumeAll`). */
  suspendAll(): void {
    try {
      this.sql(`UPDATE bulk_jobs SET paused_at_ms = ? WHERE state = 'running'`).run(this.clock.now());
    } catch (error) {
      // The stop goes on: the next start judges the downtime from the jobs' last deliveries, as after a kill.
      this.log.warn('bulk: could not record when the running sends stopped', { error: String(error) });
    }
  }

  /** The queue reports changed deliveries: keep running jobs a batch ahead and announce progress. */
  onDeliveriesChanged(jobIds: Set<number>): void {
    for (const id of jobIds) {
      try {
        const job = this.job(id);
        if (!job) continue;
        if (job.state === 'running') this.topUp(id);
        this.maybeEmit(id, false);
      } catch (error) {
        this.halt(id, error);
      }
    }
  }

  pause(id: number): BulkProgress {
    const job = this.must(id);
    if (job.state === 'running') {
      this.sql(`UPDATE bulk_jobs SET state = 'paused', paused_at_ms = ? WHERE id = ?`).run(
        this.clock.now(),
        id,
      );
      this.queue.poke(this.queue.store.setBulkState(id, ['pending'], 'held', this.clock.now()));
    }
    return this.announce(id);
  }

  resume(id: number): BulkProgress {
    const job = this.must(id);
    if (job.state === 'paused') {
      this.sql(
        `UPDATE bulk_jobs SET state = 'running', paused_ms = paused_ms + MAX(0, ? - COALESCE(paused_at_ms, ?)),
           paused_at_ms = NULL, running_since_ms = ? WHERE id = ?`,
      ).run(this.clock.now(), this.clock.now(), this.clock.now(), id);
      this.queue.poke(this.queue.store.setBulkState(id, ['held'], 'pending', this.clock.now()));
      this.topUp(id);
    }
    return this.announce(id);
  }

  stop(id: number): BulkProgress {
    const job = this.must(id);
    if (job.state === 'running' || job.state === 'paused') {
      this.sql(`UPDATE bulk_jobs SET state = 'stopped', finished_at_ms = ? WHERE id = ?`).run(
        this.clock.now(),
        id,
      );
      this.dropRows(job);
      this.queue.poke(this.queue.store.setBulkState(id, ['pending', 'held'], 'cancelled', this.clock.now()));
    }
    return this.announce(id);
  }

  /**
   * Deletes a finished bulk send (done or stopped, nothing left in flight) with its deliveries and their attempts,
   * 1,000 deliveries per transaction and event-loop turn (20k deliveries take ~0.3 s); resolves with how many
   * deliveries went. The job row goes last, so an interrupted delete leaves a job that can be deleted again.
   */
  async delete(id: number): Promise<{ deleted: number }> {
    const job = this.must(id);
    if (job.state === 'running' || job.state === 'paused')
      throw new ApiError('conflict', `id: bulk job ${id} is ${job.state}; stop it before deleting it`);
    const c = this.queue.store.countsForBulk(id);
    const open = c.pending + c.in_flight + c.held;
    if (open > 0)
      throw new ApiError(
        'conflict',
        `id: bulk job ${id} still has ${open} ${open === 1 ? 'delivery' : 'deliveries'} in flight; delete it when they finish`,
      );
    const deleted = await chunksInTurns(() => this.queue.store.deleteOfBulk(id, 1000));
    this.sql('DELETE FROM bulk_jobs WHERE id = ?').run(id);
    this.items.delete(id);
    this.lastEmit.delete(id);
    clearTimeout(this.trailing.get(id));
    this.trailing.delete(id);
    return { deleted };
  }

  list(): BulkProgress[] {
    const ids = this.sql('SELECT id FROM bulk_jobs ORDER BY id DESC LIMIT 100').all() as Array<{
      id: number;
    }>;
    return ids.map(({ id }) => this.progress(id));
  }

  progress(id: number): BulkProgress {
    const job = this.must(id);
    const c = this.queue.store.countsForBulk(id);
    // A finished job no longer stores its rows (a large file would be parsed again on every call): each row it had is
    // counted as skipped or has a delivery, so the rest were never enqueued.
    const open = job.state === 'running' || job.state === 'paused';
    const deliveries = Object.values(c).reduce((sum, n) => sum + n, 0);
    const notEnqueued = open ? this.rows(job).count - job.next_row : job.total - job.skipped - deliveries;
    // Rows sent, not rows cancelled: a stopped job's cancelled rows would count as thousands sent in an instant.
    const sent = c.succeeded + c.failed + c.disabled;
    // The rate is of the time the job ran: not of the time since it started (after it ended, that would fall toward 0),
    // and without the time it was paused (a pause stopped by a stop or an error ends with it).
    const end = job.finished_at_ms ?? this.clock.now();
    const pausedMs = job.paused_ms + (job.paused_at_ms === null ? 0 : Math.max(0, end - job.paused_at_ms));
    const elapsed = Math.max(1, end - job.created_at_ms - pausedMs);
    // Capped at the job's own rate limit: right after a start, one row sent in a few ms read as 13/s at 1 a minute.
    const limit = rateLimitPerSecond((JSON.parse(job.options_json) as StoredOptions).options);
    const rate = Math.min((sent * 1000) / elapsed, limit);
    const pending = c.pending + c.in_flight + c.held + (job.state === 'stopped' ? 0 : notEnqueued);
    return {
      jobId: id,
      state: job.state,
      total: job.total,
      enqueued: job.next_row,
      counts: {
        succeeded: c.succeeded,
        failed: c.failed + c.disabled,
        cancelled: c.cancelled + (job.state === 'stopped' ? notEnqueued : 0),
        skipped: job.skipped,
        pending,
      },
      startedAtMs: job.created_at_ms,
      ratePerSecond: Math.round(rate * 100) / 100,
      etaMs: pending === 0 ? 0 : rate > 0 ? Math.round((pending / rate) * 1000) : null,
      rowErrors: JSON.parse(job.row_errors_json) as RowError[],
      rowErrorsOmitted: job.row_errors_omitted,
    };
  }

  /**
   * Enqueues the next batch once fewer than half a batch wait to be sent; a job whose rows all went is done. It runs
   * in timers and at startup: what it throws stops the job rather than ending the process (and every restart).
   */
  private topUp(id: number): void {
    try {
      this.topUpOrThrow(id);
    } catch (error) {
      this.stopOrRetry(id, error);
    }
  }

  /**
   * A full disk or a database locked too long passes: the job keeps its rows, deliveries and cursor and tries again
   * later (stopping it cancelled everything queued and dropped the rows not sent). Anything else stops it.
   */
  private stopOrRetry(id: number, error: unknown): void {
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    if (!this.db.open || !/^SQLITE_(FULL|BUSY)/.test(code)) return this.halt(id, error);
    this.log.warn('bulk send waits: the database could not take its next rows', {
      jobId: id,
      error: describeStorageError(error) ?? String(error),
    });
    if (this.retrying.has(id)) return;
    this.retrying.add(id);
    this.clock.setTimeout(() => {
      this.retrying.delete(id);
      if (this.db.open) this.topUp(id);
    }, STORAGE_RETRY_MS);
  }

  private topUpOrThrow(id: number): void {
    // The batch being enqueued tops up again when it is through.
    if (this.toppingUp.has(id)) return;
    const job = this.job(id);
    if (!job || job.state !== 'running') return;
    const stored = JSON.parse(job.options_json) as StoredOptions;
    const count = this.rows(job).count;
    const outstanding = (
      this.sql(
        `SELECT COUNT(*) AS n FROM deliveries WHERE bulk_job_id = ? AND state IN ('pending', 'in_flight') AND attempts = 0`,
      ).get(id) as { n: number }
    ).n;
    if (outstanding <= stored.batchSize / 2 && job.next_row < count) {
      this.toppingUp.add(id);
      void this.enqueueInTurns(id, Math.min(job.next_row + stored.batchSize, count));
      return;
    }
    this.finishIfDone(id);
  }

  /**
   * Enqueues rows up to `end`, ROWS_PER_TURN per turn. Each part moves the cursor in the transaction that inserts its
   * deliveries, so a crash in between queues no row twice; a pause or stop in between ends the batch where it is.
   */
  private async enqueueInTurns(id: number, end: number): Promise<void> {
    try {
      for (let first = true; ; first = false) {
        if (!first) await nextTurn();
        const job = this.job(id);
        if (!job || job.state !== 'running' || job.next_row >= end) break;
        this.enqueueRows(job, Math.min(end, job.next_row + ROWS_PER_TURN));
        // Rows held back by a rate limit change nothing else for a while: this is how the lists learn of them.
        this.maybeEmit(id, false);
      }
    } catch (error) {
      // The database closed meanwhile (shutdown): the next start goes on from the cursor.
      if (this.db.open) this.stopOrRetry(id, error);
      return;
    } finally {
      this.toppingUp.delete(id);
    }
    this.topUp(id);
  }

  private enqueueRows(job: JobRow, end: number): void {
    const id = job.id;
    const stored = JSON.parse(job.options_json) as StoredOptions;
    const template = JSON.parse(job.template_json) as Template;
    const batch = this.rows(job).slice(job.next_row, end);
    const errors: RowError[] = [];
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const item of batch) {
        let built: ReturnType<typeof this.build>;
        try {
          built = this.build(template, item, stored, errors);
        } catch (error) {
          // A bug in building one row fails that row, not the job (nor the process).
          this.log.error('bulk row could not be built', { jobId: id, row: item.row, error: String(error) });
          errors.push({ row: item.row, message: `row ${item.row}: could not be built: ${messageOf(error)}` });
          continue;
        }
        if (!built) continue;
        const row = this.queue.store.insert(
          newDelivery(built, stored.options, 'bulk', now, { bulkJobId: id, bulkRow: item.row }),
          now,
        );
        this.queue.track(row.origin);
      }
      const { kept, omitted } = mergeRowErrors(
        JSON.parse(job.row_errors_json) as RowError[],
        errors,
        MAX_ROW_ERRORS,
      );
      this.sql(
        `UPDATE bulk_jobs SET next_row = ?, skipped = skipped + ?, row_errors_json = ?,
                              row_errors_omitted = row_errors_omitted + ? WHERE id = ?`,
      ).run(job.next_row + batch.length, errors.length, JSON.stringify(kept), omitted, id);
    })();
    this.queue.poke();
  }

  private build(template: Template, item: Item, stored: StoredOptions, errors: RowError[]) {
    const unresolved = new Set<string>();
    const resolve = (text: string, escape: Escape = 'none') => {
      const r = this.resolveText(text, item.record, stored.env, { escape });
      r.unresolved.forEach((u) => unresolved.add(u));
      return r.text;
    };
    const url = resolve(template.url, URL_ESCAPE);
    // Typed text: a value beyond ASCII goes out as its UTF-8 bytes (the HTTP client writes one byte per character).
    const filled: HeaderPair[] = template.headers.map(([name, value]) => [
      fillHeaderName(name, resolve),
      headerByteString(resolve(value)),
    ]);
    // As in the composer: values are escaped for where they land, so a quote or an ampersand in a row cannot change
    // the body's format for that row. A Content-Type `{{variable}}` decides by the value this row fills it with, and
    // is left out where it fills to nothing (as a saved webhook's send does).
    const { format, headers } = filledHeadersFormat(filled, template.body);
    const body = resolve(template.body, format.escape);
    if (unresolved.size > 0 && stored.fieldsNotColumns !== 'send-as-typed') {
      errors.push({
        row: item.row,
        message: `row ${item.row}: ${unresolvedFieldsMessage([...unresolved], item.record)}`,
      });
      return null;
    }
    const badName = headerNameProblem(template.headers, filled);
    if (badName) {
      errors.push({ row: item.row, message: `row ${item.row}: ${badName}` });
      return null;
    }
    const broken = headers.find(([, value]) => /[\r\n\0]/.test(value));
    if (broken) {
      errors.push({
        row: item.row,
        message: `row ${item.row}: header "${broken[0]}" would contain a line break or NUL`,
      });
      return null;
    }
    // The HTTP client refuses these only as the attempt is made: the row would count as a failed delivery.
    for (const [name, value] of headers) {
      const control = refusedHeaderControl(value);
      if (control === null) continue;
      errors.push({
        row: item.row,
        message: `row ${item.row}: header "${name}" would contain the control character ${control}`,
      });
      return null;
    }
    const checked = httpUrl.safeParse(url);
    if (!checked.success) {
      errors.push({
        row: item.row,
        message: `row ${item.row}: url: ${checked.error.issues[0]?.message ?? 'invalid URL'}`,
      });
      return null;
    }
    try {
      this.checkUrl(url, stored.allowLoop);
    } catch (error) {
      errors.push({ row: item.row, message: `row ${item.row}: ${(error as Error).message}` });
      return null;
    }
    if (
      template.contentType !== false &&
      format.contentType &&
      !headers.some(([n]) => n.toLowerCase() === 'content-type')
    )
      headers.push(['Content-Type', format.contentType]);
    return { method: template.method, url, headers, body: Buffer.from(body, 'utf8') };
  }

  /**
   * Stops a job something unexpected went wrong in, saying why in its row errors (row 0: the job, not a row). Not a
   * pause: a resume would most likely hit the same error, and a paused job reads its stored rows to count them.
   */
  private halt(id: number, error: unknown): void {
    this.log.error('bulk send stopped by an unexpected error', { jobId: id, error: String(error) });
    try {
      const job = this.job(id);
      if (!job || (job.state !== 'running' && job.state !== 'paused')) return;
      const named = JSON.parse(job.row_errors_json) as RowError[];
      const errors = named.slice(0, MAX_ROW_ERRORS - 1);
      errors.push({ row: 0, message: `stopped by an unexpected error: ${messageOf(error)}` });
      // An error the reason pushes out of the list is still counted, as the ones past the first 100 are.
      this.sql(
        `UPDATE bulk_jobs SET state = 'stopped', finished_at_ms = ?, row_errors_json = ?,
                              row_errors_omitted = row_errors_omitted + ? WHERE id = ?`,
      ).run(this.clock.now(), JSON.stringify(errors), named.length - (errors.length - 1), id);
      this.dropRows(job);
      this.queue.poke(this.queue.store.setBulkState(id, ['pending', 'held'], 'cancelled', this.clock.now()));
      this.announce(id);
    } catch (inner) {
      // The database closed meanwhile (shutdown), or the job cannot even be read: logged, nothing more to do.
      this.log.error('bulk send could not be stopped', { jobId: id, error: String(inner) });
    }
  }

  private finishIfDone(id: number): void {
    const job = this.job(id);
    if (!job || job.state !== 'running' || job.next_row < this.rows(job).count) return;
    const open = this.sql(
      `SELECT COUNT(*) AS n FROM deliveries WHERE bulk_job_id = ? AND state IN ('pending', 'in_flight', 'held')`,
    ).get(id) as { n: number };
    if (open.n > 0) return;
    this.sql(`UPDATE bulk_jobs SET state = 'done', finished_at_ms = ? WHERE id = ?`).run(
      this.clock.now(),
      id,
    );
    this.dropRows(job);
    this.announce(id);
  }

  private announce(id: number): BulkProgress {
    return this.maybeEmit(id, true)!;
  }

  private maybeEmit(id: number, force: boolean): BulkProgress | null {
    const now = performance.now();
    // Counting is O(rows of the job): only when an event is due, not on every change.
    const since = now - (this.lastEmit.get(id) ?? -Infinity);
    if (!force && since < PROGRESS_EVERY_MS && this.job(id)?.state === 'running') {
      // Skipped now, sent at the end of the window: otherwise the last changes of a burst are never announced and the
      // UI shows stale counts until something else changes (maybe a retry ten minutes later).
      if (!this.trailing.has(id)) {
        const timer = setTimeout(() => {
          this.trailing.delete(id);
          try {
            if (this.job(id)) this.maybeEmit(id, true);
          } catch {
            // The database closed meanwhile (shutdown): nobody is listening any more.
          }
        }, PROGRESS_EVERY_MS - since);
        timer.unref?.();
        this.trailing.set(id, timer);
      }
      return null;
    }
    clearTimeout(this.trailing.get(id));
    this.trailing.delete(id);
    const progress = this.progress(id);
    this.lastEmit.set(id, now);
    this.emit(progress);
    return progress;
  }

  /** Writes the rows in parts, one per event-loop turn, under a new key, which it returns. */
  private async storeRowsInTurns(items: Item[]): Promise<number> {
    const key = -randomInt(1, 2 ** 47);
    const insert = this.sql('INSERT INTO bulk_job_rows (rows_key, part, rows_json) VALUES (?, ?, ?)');
    try {
      for (let at = 0, part = 0; at < items.length; at += ROWS_PER_PART, part++) {
        await nextTurn();
        insert.run(key, part, JSON.stringify(items.slice(at, at + ROWS_PER_PART)));
      }
      await nextTurn();
    } catch (error) {
      this.sql('DELETE FROM bulk_job_rows WHERE rows_key = ?').run(key);
      throw error;
    }
    return key;
  }

  /** A finished job's rows go a part per event-loop turn; what an engine stop leaves, `resumeAll` drops. */
  private dropRows(job: JobRow): void {
    this.items.delete(job.id);
    if (job.rows_key === null) return;
    chunksInTurns(
      () =>
        this.sql(
          'DELETE FROM bulk_job_rows WHERE rowid IN (SELECT rowid FROM bulk_job_rows WHERE rows_key = ? LIMIT 1)',
        ).run(job.rows_key).changes,
    ).catch(() => {
      // The database closed meanwhile (shutdown): the next start drops what is left.
    });
  }

  private rows(job: JobRow): BulkRows {
    let rows = this.items.get(job.id);
    if (!rows) this.items.set(job.id, (rows = BulkRows.stored(this.db, job.rows_key)));
    return rows;
  }

  private job(id: number): JobRow | undefined {
    return this.sql('SELECT * FROM bulk_jobs WHERE id = ?').get(id) as JobRow | undefined;
  }

  private must(id: number): JobRow {
    const job = this.job(id);
    if (!job) throw new ApiError('not_found', `id: no bulk job ${id}`);
    return job;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Every row of a CSV has the same columns: a merge field the first row lacks would skip every row, so the start is
 * refused instead, naming the field and the columns there are.
 */
function refuseMissingColumns(
  template: Template,
  record: Record<string, string>,
  env: Record<string, string>,
) {
  for (const [field, text] of templateParts(template)) {
    const { unresolved } = resolveTemplate(text, record, env);
    if (unresolved.length === 0) continue;
    throw new ApiError(
      'invalid_input',
      `${field}: ${unresolved.join(', ')} ${unresolved.length > 1 ? 'are not columns' : 'is not a column'} of the ` +
        `file (its columns: ${Object.keys(record).join(', ')})`,
    );
  }
}

/** Each text of the template with the field it is in (`template.headers.0.1`). */
function templateParts(template: Template): Array<[string, string]> {
  return [
    ['template.url', template.url],
    ...template.headers.flatMap(([name, value], i): Array<[string, string]> => [
      [`template.headers.${i}.0`, name],
      [`template.headers.${i}.1`, value],
    ]),
    ['template.body', template.body],
  ];
}

/** Why a row's filled header names cannot be sent, naming the header as typed in the template; null when they can. */
function headerNameProblem(typed: HeaderPair[], filled: HeaderPair[]): string | null {
  for (const [index, [name, value]] of filled.entries()) {
    const template = typed[index]![0];
    if (!httpToken.test(name))
      return `header "${template}" fills to "${name.slice(0, 100)}", which is not a valid header name`;
    const unsendable = connectionHeaderProblem(name, value);
    if (unsendable) return unsendable;
  }
  return null;
}

/** The most rows a second the job's options let through to its target, or Infinity when they set no limit. */
function rateLimitPerSecond(options: DeliveryOptions): number {
  const perMinute =
    options.ratePerMinute ??
    (options.policy === 'ontraport' ? (options.ontraport?.requestsPerMinute ?? 60) : null);
  return perMinute ? perMinute / 60 : Infinity;
}
