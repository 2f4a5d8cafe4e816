import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** How often to checkpoint while the WAL is being written (idle: every 250 ms). */
  intervalMs?: number;
  /**
   * Last resort: above this WAL size the worker runs a TRUNCATE checkpoint, which holds writers while it finishes. In
   * normal running the WAL never gets there: PASSIVE checkpoints keep up and the receiver's writer restarts the WAL
   * from its start, trimmed to `walSizeLimitBytes`.
   */
  maxWalBytes?: number;
  walSizeLimitBytes?: number;
  /**
   * The search index's file: between checkpoints the worker also merges its FTS5 segments (see mergeStepSource), so
   * no other thread is needed for them.
   */
  ftsIndexFile?: string;
  /** FtsIndexer.writeWaiting: no merge step starts while it is 1. */
  indexWriteWaiting?: Int32Array;
}

/** What `PRAGMA wal_checkpoint` reports: whether it was blocked, frames in the WAL, frames copied to the database. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Whether to follow a PASSIVE checkpoint with a TRUNCATE. TRUNCATE holds every writer while it copies the frames PASSIVE
 * left, so it runs only when those are few (≤ 256 frames, 2 MB): after a big WAL (a bulk delete, an import) PASSIVE
 * first catches up over several ticks without blocking anyone. Copying a large remainder under the writer lock once
 * held the receiver's commits past their 5 s busy timeout.
 */
export function shouldTruncate(
  passive: CheckpointResult | undefined,
  walBytes: number,
  maxWalBytes: number,
): boolean {
  if (!passive || walBytes <= maxWalBytes) return false;
  return passive.log - passive.checkpointed <= 256;
}

// CommonJS source for the worker (eval'd, so it works unchanged under tsx, Vitest and the bundled app). It opens its
// own connection and runs PASSIVE checkpoints, which block no one: back to back (every intervalMs) while the WAL is being
// written, so each copies only the last few milliseconds of frames; every 250 ms when idle. After each it publishes
// how many frames are left, so the receiver's connection knows when restarting the WAL costs almost nothing.
/**
 * Worker source for merging the full-text index's segments, step by step. Writes to the index never merge (automerge 0,
 * see search-index/index-schema.ts): a merge carries a word's whole doclist at once, and a word nearly every capture
 * has (a header name, a JSON key) made merges of 30-50 ms on the receiver's thread after a few million captures. Each
 * step does about `pagesPerMergeStep` pages of work (more for a long doclist: FTS5 stops only between words) when a
 * level has 8 segments (usermerge); FTS5 tells whether it did any through total_changes(): a difference of 2 or more.
 * It never waits for the index's lock (the receiver's thread is writing): it tries again at a later tick. Nor does it
 * start a step while the receiver's thread waits to write (indexWriteWaiting). If this
 * worker cannot run, FTS5's crisis merges (16 segments in a level) keep the index usable, on the receiver's thread.
 */
const mergeStepSource = `
let index = null;
try {
  if (workerData.ftsIndexFile) index = new Database(workerData.ftsIndexFile, { fileMustExist: true });
} catch {
  // no merging (FTS5's crisis merges remain), but checkpoints go on
}
let mergeStep = () => false;
if (index) {
  index.pragma('busy_timeout = 0');
  index.pragma('cache_size = -1024');
  const merge = index.prepare("INSERT INTO captures_fts (captures_fts, rank) VALUES ('merge', ?)");
  const totalChanges = index.prepare('SELECT total_changes()').pluck();
  let idleUntil = 0;
  mergeStep = () => {
    if (Date.now() < idleUntil) return false;
    // The receiver's thread is waiting to write the index: let it in before the next step.
    if (workerData.indexWriteWaiting && Atomics.load(workerData.indexWriteWaiting, 0) === 1) return false;
    let worked = false;
    try {
      const before = totalChanges.get();
      merge.run(workerData.pagesPerMergeStep);
      worked = totalChanges.get() - before >= 2;
    } catch {
      // the index is locked: the next tick tries again
    }
    if (!worked) idleUntil = Date.now() + 40;
    return worked;
  };
}
`;

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5');
${mergeStepSource}
const shouldTruncate = ${shouldTruncate.toString()};
const walSize = () => { try { return statSync(workerData.file + '-wal').size; } catch { return 0; } };
let lastLog = -1;
let timer = null;
const tick = () => {
  let active = false;
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    active = !passive || passive.log !== lastLog;
    lastLog = passive ? passive.log : -1;
    Atomics.store(workerData.state, 1, passive ? passive.log - passive.checkpointed : -1);
    workerData.passiveAt[0] = Date.now();
    if (shouldTruncate(passive, walSize(), workerData.maxWalBytes)) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // busy: the next tick tries again
  }
  const merged = mergeStep();
  timer = setTimeout(tick, active || merged ? workerData.intervalMs : Math.max(workerData.intervalMs, 250));
};
tick();
parentPort.on('message', () => {
  clearTimeout(timer);
  try { db.close(); } catch {}
  try { if (index) index.close(); } catch {}
  Atomics.store(workerData.state, 0, 1);
  Atomics.notify(workerData.state, 0);
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000
 * pages and stalled every request waiting on that commit (the receiver's p99), so a worker thread copies the WAL into
 * the database with PASSIVE checkpoints instead.
 *
 * Under steady load a PASSIVE never quite catches up, so the WAL is never restarted and keeps growing. Restarting it
 * takes the writer lock; when the worker did that (TRUNCATE) the receiver's next commit waited in SQLite's busy handler,
 * whose sleeps (1, 2, 5, 10, 15 ms…) turned a few-millisecond hold into 30-50 ms stalls. So the receiver's own
 * connection, the only writer, restarts the WAL between two commits once it passes `walSizeLimitBytes`, and only right
 * after the worker has left at most 256 frames to copy: a millisecond or two, no lock waits. The WAL file is trimmed to
 * `walSizeLimitBytes` when it restarts, and a TRUNCATE from the worker bounds it past `maxWalBytes` as a last resort.
 * If the worker cannot start or dies, automatic checkpoints are switched back on.
 *
 * With `ftsIndexFile`, the same worker also merges the search index's segments between checkpoints (mergeStepSource):
 * one more thread would cost another V8 isolate, ~9 MB of RSS.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  /** [0] set by the worker once its connection is closed (so `stop()` returns only when the files are released);
   *  [1] frames its last PASSIVE left to copy (-1: unknown). */
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  /** When the worker's last PASSIVE finished (ms since the epoch). */
  private readonly passiveAt = new Float64Array(new SharedArrayBuffer(8));
  /** `truncate()` found the WAL in use: the restart timer empties it once that is cheap. */
  private truncatePending = false;
  /** Only to sleep on between attempts. */
  private readonly pause = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly options: WalCheckpointerOptions = {},
  ) {}

  start(): void {
    let driver: string;
    try {
      driver = createRequire(import.meta.url).resolve('better-sqlite3');
    } catch {
      return; // keep SQLite's automatic checkpoints
    }
    Atomics.store(this.state, 1, -1);
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        driver,
        file: this.file,
        state: this.state,
        passiveAt: this.passiveAt,
        intervalMs: this.options.intervalMs ?? 10,
        maxWalBytes: this.options.maxWalBytes ?? 256 * 1024 * 1024,
        ftsIndexFile: this.options.ftsIndexFile ?? null,
        indexWriteWaiting: this.options.indexWriteWaiting ?? null,
        pagesPerMergeStep: 64,
      },
    });
    worker.unref();
    const fallBack = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.stopRestarts();
      if (!this.stopping && this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    };
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    this.worker = worker;
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma(`main.journal_size_limit = ${this.walSizeLimit}`);
    this.restartTimer = setInterval(() => this.restartIfCheap(), 20);
    this.restartTimer.unref();
  }

  stop(): void {
    this.stopping = true;
    this.stopRestarts();
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.postMessage('stop');
    // Wait (bounded) for the worker to close its connection: callers close the database and may delete its files next.
    Atomics.wait(this.state, 0, 0, 2_000);
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }

  private get walSizeLimit(): number {
    return this.options.walSizeLimitBytes ?? 32 * 1024 * 1024;
  }

  private stopRestarts(): void {
    if (this.restartTimer) clearInterval(this.restartTimer);
    this.restartTimer = null;
  }

  /**
   * Empties the WAL file: after a VACUUM it holds the whole database's old pages (tens of MB), which a restart only
   * trims to `walSizeLimitBytes`, so the files would stay as large after deleting everything. Waits at most about
   * 250 ms for the worker's checkpoint in progress (what is left to copy then is the small vacuumed database); past
   * that, the restart timer empties it as soon as that is cheap.
   */
  truncate(): void {
    // A checkpoint running in the worker makes ours return busy at once (SQLite never waits for that lock): retry.
    const until = Date.now() + 250;
    let done = this.checkpoint('TRUNCATE', 250);
    while (!done && Date.now() < until) {
      Atomics.wait(this.pause, 0, 0, 2);
      done = this.checkpoint('TRUNCATE', Math.max(0, until - Date.now()));
    }
    this.truncatePending = !done && this.worker !== null;
  }

  /** Restart the WAL from the receiver's connection when it is over its limit and nearly all copied already. */
  private restartIfCheap(): void {
    if (!this.worker || !this.db.open || this.db.inTransaction) return;
    let walBytes: number;
    try {
      walBytes = statSync(`${this.file}-wal`).size;
    } catch {
      return;
    }
    const left = Atomics.load(this.state, 1);
    if (walBytes <= this.walSizeLimit && !this.truncatePending) return;
    if (left < 0 || left > 256 || Date.now() - this.passiveAt[0]! > 50) return;
    if (this.truncatePending) this.truncatePending = !this.checkpoint('TRUNCATE');
    else this.checkpoint('RESTART');
  }

  /**
   * False if the worker is mid-checkpoint or a reader is still on the old frames after `waitMs` (the caller tries again
   * later). main only: unqualified, it would also checkpoint the attached search index, whose worker merges it.
   */
  private checkpoint(mode: 'RESTART' | 'TRUNCATE', waitMs = 0): boolean {
    if (!this.db.open || this.db.inTransaction) return false;
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma(`busy_timeout = ${waitMs}`);
    try {
      const [result] = this.db.pragma(`main.wal_checkpoint(${mode})`) as CheckpointResult[];
      return result?.busy === 0;
    } catch {
      return false;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }
}
