import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { describeStorageError } from './storage-error';

/** How long a background pass waits after the database refused its work (a full disk, a lock held too long). */
export const BACKGROUND_RETRY_MS = 5_000;

/**
 * Runs the steps of a background pass that writes to the database from timers, where a throw would end the whole
 * process (and the receiver with it). A step that fails is tried again later: the caller leaves its own state as it
 * was before the step, so nothing is dropped. The failure is logged once, not at every retry.
 */
export class BackgroundWriteRetry {
  private timer: { cancel(): void } | null = null;
  private failing = false;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    /** What waits, for the log: "large-body labels". */
    private readonly what: string,
  ) {}

  /** Whether a failed step waits for its retry (the caller should not start another meanwhile). */
  get waiting(): boolean {
    return this.timer !== null;
  }

  /** Runs `step`; when it throws, schedules `retry` and returns false. */
  attempt(step: () => void, retry: () => void): boolean {
    try {
      step();
    } catch (error) {
      if (!this.failing)
        this.log.warn(`${this.what} wait: the database could not be written; trying again`, {
          error: describeStorageError(error) ?? String(error),
        });
      this.failing = true;
      this.timer ??= this.clock.setTimeout(() => {
        this.timer = null;
        retry();
      }, BACKGROUND_RETRY_MS);
      return false;
    }
    if (this.failing) this.log.info(`${this.what} go on: the database took the write`);
    this.failing = false;
    return true;
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}
