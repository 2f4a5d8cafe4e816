import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';

/**
 * A capture's stored headers for json_each, or none when they are not JSON (never written so, but one bad row must not
 * stop the pass, or a delete).
 */
export const headersOf = (alias: string) =>
  `CASE WHEN json_valid(${alias}.headers) THEN ${alias}.headers ELSE '[]' END`;

/** Where the pass has got to, kept in `settings` (set by migration 048): ids below it may lack their header names. */
const PROGRESS_KEY = 'headerNames.uncoveredBelowId';

/**
 * Fills `capture_header_names` for the captures filed before migration 048 (the trigger there covers every capture
 * filed since), newest first, in slices between the receiver's events, so an upgrade neither waits for a million
 * captures at startup nor holds the receiver. Until it is done the header filter reads the headers of the captures it
 * has not reached (`uncoveredBelow`), as it did before.
 */
export class HeaderNameBackfill {
  private below: number | null;
  private pending: NodeJS.Immediate | NodeJS.Timeout | null = null;
  private readonly progress: Database.Statement;
  private readonly highestBelow: Database.Statement;
  private readonly fill: (from: number, below: number) => void;

  constructor(
    private readonly db: Database.Database,
    /** Each slice ends after this long; one chunk of ids is one transaction. */
    private readonly sliceMs = 5,
    private readonly chunkIds = 200,
  ) {
    this.progress = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    this.below = this.stored();
    this.highestBelow = db.prepare('SELECT MAX(id) FROM captures WHERE id < ?').pluck();
    const insert = db.prepare(`INSERT OR IGNORE INTO capture_header_names (name, capture_id)
      SELECT lower(h.value ->> 0), c.id FROM captures c, json_each(${headersOf('c')}) h WHERE c.id >= ? AND c.id < ?`);
    const save = db.prepare('UPDATE settings SET value = ? WHERE key = ?');
    const done = db.prepare('DELETE FROM settings WHERE key = ?');
    this.fill = db.transaction((from: number, below: number) => {
      insert.run(from, below);
      if (from <= 1) done.run(PROGRESS_KEY);
      else save.run(String(from), PROGRESS_KEY);
    });
  }

  private stored(): number | null {
    const value = this.progress.get(PROGRESS_KEY) as string | undefined;
    return value === undefined ? null : Number(value);
  }

  /** Every capture is being deleted (inside that transaction): nothing is left to cover. */
  clear(): void {
    this.db.exec('DELETE FROM capture_header_names');
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(PROGRESS_KEY);
  }

  /** Reads where the pass has got to again, after `clear`'s transaction ended (committed or not). */
  reload(): void {
    this.below = this.stored();
    if (this.below === null) this.stop();
  }

  /** Captures with ids below this may have no rows yet (null: every capture has its rows). */
  uncoveredBelow(): number | null {
    return this.below;
  }

  start(delayMs = 0): void {
    if (this.below === null || this.pending) return;
    const run = () => {
      this.pending = null;
      try {
        this.slice();
      } catch {
        // A full disk, say: try again later. The filter stays correct meanwhile, only slower.
        this.start(5_000);
        return;
      }
      this.start();
    };
    this.pending = delayMs > 0 ? setTimeout(run, delayMs) : setImmediate(run);
    this.pending.unref?.();
  }

  stop(): void {
    if (this.pending) {
      clearTimeout(this.pending as NodeJS.Timeout);
      clearImmediate(this.pending as NodeJS.Immediate);
    }
    this.pending = null;
  }

  /** Runs the pass to the end now (tests, benchmarks). */
  finish(): void {
    this.stop();
    while (this.below !== null) this.step();
  }

  private slice(): void {
    const started = performance.now();
    do this.step();
    while (this.below !== null && performance.now() - started < this.sliceMs);
  }

  /** Covers the next chunk of ids below those covered, in one transaction; deleted captures' ids are skipped. */
  step(): void {
    if (this.below === null) return;
    const highest = this.highestBelow.get(this.below) as number | null;
    const from = highest === null ? 1 : Math.max(1, highest + 1 - this.chunkIds);
    this.fill(from, this.below);
    this.below = from <= 1 ? null : from;
  }
}
