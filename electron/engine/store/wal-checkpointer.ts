import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
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
// own connection and checkpoints on a timer; the receiver's connection never checkpoints on the event loop.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
// While a TRUNCATE checkpoint waits for readers it holds every new writer back, and the receiver's next group commit is
// such a writer: wait only briefly, and let PASSIVE (which blocks no one) copy the frames first.
db.pragma('busy_timeout = 5');
const shouldTruncate = ${shouldTruncate.toString()};
const walSize = () => { try { return statSync(workerData.file + '-wal').size; } catch { return 0; } };
// PASSIVE blocks no one. Run back to back (every intervalMs) while the WAL is being written: each copies only the
// frames of the last few milliseconds, so one often finishes between two commits and the next writer restarts the WAL
// from its start. Spaced 200 ms apart they never caught up, the WAL crossed the bound, and a TRUNCATE held the
// receiver's commits (30-50 ms stalls).
let lastLog = -1;
let timer = null;
const tick = () => {
  let active = false;
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    active = !passive || passive.log !== lastLog;
    lastLog = passive ? passive.log : -1;
    if (shouldTruncate(passive, walSize(), workerData.maxWalBytes)) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // busy: the next tick tries again
  }
  timer = setTimeout(tick, active ? workerData.intervalMs : Math.max(workerData.intervalMs, 250));
};
tick();
parentPort.on('message', () => {
  clearTimeout(timer);
  try { db.close(); } catch {}
  Atomics.store(workerData.closed, 0, 1);
  Atomics.notify(workerData.closed, 0);
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the event loop: SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000
 * pages, which stalled every request waiting on that commit (the receiver's p99). A worker thread runs PASSIVE
 * checkpoints instead (see the worker source for their pace), the writer trims the WAL to `walSizeLimitBytes` whenever
 * it restarts it, and a TRUNCATE bounds it past `maxWalBytes`. If the worker cannot start or dies, automatic
 * checkpoints are switched back on.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private stopping = false;
  /** Set by the worker once its connection is closed, so `stop()` returns only when the files are released. */
  private readonly closed = new Int32Array(new SharedArrayBuffer(4));

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
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        driver,
        file: this.file,
        closed: this.closed,
        intervalMs: this.options.intervalMs ?? 10,
        maxWalBytes: this.options.maxWalBytes ?? 256 * 1024 * 1024,
      },
    });
    worker.unref();
    const fallBack = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (!this.stopping && this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    };
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    this.worker = worker;
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma(`journal_size_limit = ${this.options.walSizeLimitBytes ?? 32 * 1024 * 1024}`);
  }

  stop(): void {
    this.stopping = true;
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.postMessage('stop');
    // Wait (bounded) for the worker to close its connection: callers close the database and may delete its files next.
    Atomics.wait(this.closed, 0, 0, 2_000);
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
