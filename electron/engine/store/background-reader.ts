import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Read } from './read-plan';

// CommonJS source for the worker (eval'd, so it works unchanged under tsx, Vitest and the bundled app). Its own
// read-only connection, with the search index attached under the same name as on the receiver's; each request's
// SELECTs run in one read transaction, so they see one snapshot of the database.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.captures, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.prepare('ATTACH DATABASE ? AS idx').run(workerData.index);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    process.exit(0);
  }
  const { id, reads } = message;
  try {
    db.exec('BEGIN');
    const results = reads.map((read) => {
      const statement = db.prepare(read.sql);
      return read.rows === 'all' ? statement.all(...read.params) : statement.get(...read.params);
    });
    db.exec('COMMIT');
    parentPort.postMessage({ id, results });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/** The worker stopped before answering: the caller reads on its own thread instead. */
export class ReaderGone extends Error {}

interface Waiting {
  resolve(results: unknown[]): void;
  reject(error: Error): void;
}

/**
 * Runs the captures list's reads (pages, counts, chart figures) on a worker thread with its own connection. Better-
 * sqlite3 is synchronous, so on the receiver's thread a read that has to look at every row (a count over a common
 * header name, a chart for a full-text query: seconds at 1M captures) held every capture's acknowledgement until it
 * finished, and the list asks again after each retention prune. WAL lets this reader and the receiver's writes
 * proceed side by side. When the worker cannot run, `run` returns null and the caller reads on its own thread.
 */
export class BackgroundReader {
  private worker: Worker | null = null;
  private unavailable = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly files: { captures: string; index: string }) {}

  run(reads: Read[]): Promise<unknown[]> | null {
    const worker = this.started();
    if (!worker) return null;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, reads });
    });
  }

  close(): void {
    this.unavailable = true;
    const worker = this.worker;
    this.worker = null;
    // Reads already asked for are still answered: the worker takes its messages in order, on its own connection
    // (the receiver's may be closed by the time they would be read again there). Its exit fails whatever is left.
    if (worker) worker.postMessage('stop');
  }

  private started(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    let driver: string;
    try {
      driver = createRequire(import.meta.url).resolve('better-sqlite3');
    } catch {
      this.unavailable = true;
      return null;
    }
    const worker = new Worker(workerSource, { eval: true, workerData: { driver, ...this.files } });
    worker.unref();
    worker.on(
      'message',
      (message: { id: number; results?: unknown[]; error?: { message: string; code?: string } }) => {
        const waiting = this.waiting.get(message.id);
        if (!waiting) return;
        this.waiting.delete(message.id);
        if (message.error)
          waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
        else waiting.resolve(message.results!);
      },
    );
    const gone = (error?: Error) => {
      if (this.worker === worker) this.worker = null;
      this.unavailable = true;
      this.failAll(new ReaderGone(`The background reader stopped${error ? `: ${error.message}` : ''}.`));
    };
    worker.on('error', gone);
    worker.on('exit', () => gone());
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
