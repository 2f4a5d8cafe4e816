import { performance } from 'node:perf_hooks';
import type { CustomDictionary } from '../../shared/decode/index';
import type { EngineContext } from '../context';
import { BackgroundWriteRetry } from '../store/background-write-retry';
import { describeStorageError } from '../store/storage-error';
import type { LabelChange } from '../store/capture-store';
import { annotate, BACKGROUND_MAX_BYTES } from './annotate';

/** Captures re-classified per slice: each slice is one short, bounded piece of work between the receiver's events. */
const SLICE_ROWS = 100;
/** A slice also ends once it has read this many body bytes (classifying JSON costs about 20 ms per MB)… */
const SLICE_BYTES = 1024 * 1024;
/** …or has classified for this long: with indexing the changed labels again, a slice then takes about twice that. */
const SLICE_MS = 5;
/** Where a pass has got to, kept in `settings` so a pass the engine stopped before finishing resumes on the next start. */
const PROGRESS_KEY = 'relabel.afterId';
/** How often a running pass announces its progress (`relabel.progress`), at most. */
const REPORT_EVERY_MS = 250;

/**
 * The list's vendor/event label is stored when a capture arrives, from the labels then in force. After the custom
 * labels change, this goes over every stored capture in the background, in slices, classifies it again as the
 * receiver would, and stores and announces (`capture.updated`) the labels that changed.
 */
export class Relabeller {
  private afterId = 0;
  /** Captures the pass has classified (those up to `afterId`), for its progress. */
  private done = 0;
  private reportedAtMs = -Infinity;
  private pending: ReturnType<typeof setImmediate> | null = null;
  private readonly storage: BackgroundWriteRetry;

  constructor(
    private readonly ctx: EngineContext,
    private readonly custom: () => CustomDictionary | undefined,
  ) {
    this.storage = new BackgroundWriteRetry(ctx.clock, ctx.log, 'relabelled captures');
  }

  /** Start a pass after this capture id, by default from the oldest (a pass under way starts over, with the newest labels). */
  start(afterId = 0): void {
    this.afterId = afterId;
    this.done =
      afterId === 0
        ? 0
        : (this.ctx.db.prepare('SELECT COUNT(*) FROM captures WHERE id <= ?').pluck().get(afterId) as number);
    // Unsaved, the progress stays where markDue or the last pass left it, at or before this id: safe to resume from.
    this.storage.attempt(
      () => this.saveProgress(afterId),
      () => this.schedule(),
    );
    this.report(true, true);
    this.schedule();
  }

  /**
   * Note that a pass is due, before it starts: the engine may stop first. A pass under way stops (it will start over).
   * Never throws: the dictionary change is already stored, and start() records the pass again, retrying until the
   * database takes the write.
   */
  markDue(): void {
    this.stop();
    try {
      this.saveProgress(0);
    } catch (error) {
      this.ctx.log.warn(
        'relabel mark not stored: the database could not be written; the pass records it when it starts',
        {
          error: describeStorageError(error) ?? String(error),
        },
      );
    }
  }

  /** The capture id an unfinished pass had got to (0: it had not begun), or null when none is due. */
  unfinished(): number | null {
    const value = this.ctx.db
      .prepare('SELECT value FROM settings WHERE key = ?')
      .pluck()
      .get(PROGRESS_KEY) as string | undefined;
    return value === undefined ? null : Number(value) || 0;
  }

  /** Stores where the pass has got to, or (null) that it is done. */
  private saveProgress(afterId: number | null): void {
    if (afterId === null) this.ctx.db.prepare('DELETE FROM settings WHERE key = ?').run(PROGRESS_KEY);
    else
      this.ctx.db
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(PROGRESS_KEY, String(afterId));
  }

  /** Whether a pass is under way. */
  get running(): boolean {
    return this.pending !== null || this.storage.waiting;
  }

  stop(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    this.storage.stop();
  }

  private schedule(): void {
    if (this.pending || this.storage.waiting) return;
    this.pending = setImmediate(() => {
      this.pending = null;
      const before = { afterId: this.afterId, done: this.done };
      let more = false;
      const stored = this.storage.attempt(
        () => {
          more = this.slice();
          this.saveProgress(more ? this.afterId : null);
        },
        () => this.schedule(),
      );
      // The slice's labels were not stored (or its progress was not): the retry classifies it again.
      if (!stored) {
        this.afterId = before.afterId;
        this.done = before.done;
        return;
      }
      this.report(more);
      if (more) this.schedule();
    });
    this.pending.unref?.();
  }

  /** Announces the progress: always when it starts or ends, otherwise at most every REPORT_EVERY_MS. */
  private report(running: boolean, force = false): void {
    const now = this.ctx.clock.now();
    if (running && !force && now - this.reportedAtMs < REPORT_EVERY_MS) return;
    this.reportedAtMs = now;
    // Captures that came in or were deleted during the pass move the total; the pass covers the new ones too.
    const total = this.ctx.captures.count();
    this.ctx.bus.emit('relabel.progress', {
      running,
      done: running ? Math.min(this.done, total) : total,
      total,
    });
  }

  /** One slice; whether there may be more. */
  private slice(): boolean {
    const started = performance.now();
    const ids = this.ctx.captures.idsAfter(this.afterId, SLICE_ROWS);
    const changes: LabelChange[] = [];
    let bytes = 0;
    let more = ids.length === SLICE_ROWS;
    for (const [i, id] of ids.entries()) {
      // At least one capture per slice, so a pass always moves on.
      if (i > 0 && (bytes >= SLICE_BYTES || performance.now() - started >= SLICE_MS)) {
        more = true;
        break;
      }
      this.afterId = id;
      this.done += 1;
      const detail = this.ctx.captures.get(id);
      const { vendor = null, eventLabel = null } = annotate(
        {
          ...detail,
          body: Buffer.from(detail.bodyBase64, 'base64'),
          contentEncoding: detail.contentEncoding,
        },
        this.custom,
        // As large as LargeBodyClassifier's bound, so a pass never clears a label it stored.
        BACKGROUND_MAX_BYTES,
      );
      bytes += detail.storedBodyBytes;
      if (vendor !== detail.vendor || eventLabel !== detail.eventLabel)
        changes.push({ id, vendor, eventLabel });
    }
    const updated = changes.length > 0 ? this.ctx.captures.setLabels(changes) : [];
    if (updated.length > 0) {
      this.ctx.captures.indexer.relabelled(updated.map((s) => s.id));
      this.ctx.bus.emit('capture.updated', { items: updated });
    }
    return more;
  }
}
