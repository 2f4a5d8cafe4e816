import type Database from 'better-sqlite3';

/** Set by migration 061: captures with lower ids were filed by a build that could lose their large-body label. */
export const LARGE_BODY_UNCHECKED_KEY = 'largeBody.uncheckedBelowId';

/** A capture to classify; `coded` when its body is small on the wire but stored in codings that may expand it. */
export type QueuedCapture = { id: number; coded?: StoredCodings };

/** What says which codings a stored body is in (`storedBodyCodings`): its Content-Encoding and Transfer-Encoding. */
export type StoredCodings = { contentEncoding: string | null; headers: Array<[string, string]> };

/**
 * The captures an older build filed and may have left unlabelled (large-body-unchecked migration): handed to
 * LargeBodyClassifier one at a time while it has nothing newer to do, a chunk of ids at a time, newest first. Where it
 * has got to is kept in `settings` once a chunk is done, so a stop part-way resumes there; the key is removed at the
 * end, so the check runs once per database.
 */
export class LargeBodyBacklog {
  private below: number | null;
  private chunk: QueuedCapture[] = [];
  /** The lowest id of the chunk being classified, or null when none is. */
  private chunkFrom: number | null = null;
  private readonly highestBelow: Database.Statement;
  private readonly save: Database.Statement;
  private readonly finish: Database.Statement;

  constructor(
    db: Database.Database,
    /** The captures with ids in [from, through] that filing left for the classifier. */
    private readonly leftForLater: (from: number, through: number) => QueuedCapture[],
    private readonly chunkIds = 500,
  ) {
    const stored = db
      .prepare('SELECT value FROM settings WHERE key = ?')
      .pluck()
      .get(LARGE_BODY_UNCHECKED_KEY) as string | undefined;
    this.below = stored === undefined ? null : Number(stored) || 0;
    this.highestBelow = db.prepare('SELECT MAX(id) FROM captures WHERE id < ?').pluck();
    this.save = db.prepare('UPDATE settings SET value = ? WHERE key = ?');
    this.finish = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  get done(): boolean {
    return this.below === null && this.chunk.length === 0;
  }

  /**
   * The next capture to classify. The one returned before must have been classified by now: that is what lets a
   * finished chunk be remembered. Undefined when this chunk had none to classify (or nothing is left).
   */
  next(): QueuedCapture | undefined {
    const queued = this.chunk.shift();
    if (queued) return queued;
    try {
      if (this.chunkFrom !== null) this.remember(this.chunkFrom);
      if (this.below === null) return undefined;
      const through = this.highestBelow.get(this.below) as number | null;
      if (through === null) {
        this.remember(0);
        return undefined;
      }
      this.chunkFrom = Math.max(1, through - this.chunkIds + 1);
      this.chunk = this.leftForLater(this.chunkFrom, through);
    } catch {
      // The disk full, say: stop for this run; the next start resumes from the last chunk remembered.
      this.below = null;
      this.chunk = [];
      this.chunkFrom = null;
      return undefined;
    }
    return this.chunk.shift();
  }

  private remember(below: number): void {
    this.chunkFrom = null;
    if (below <= 1) {
      this.finish.run(LARGE_BODY_UNCHECKED_KEY);
      this.below = null;
    } else {
      this.save.run(String(below), LARGE_BODY_UNCHECKED_KEY);
      this.below = below;
    }
  }
}
