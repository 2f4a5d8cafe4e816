import type * as Esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { NewCapture } from '../capture-writer';
import type { FromStoreWorker, StoreWorkerData, ToStoreWorker } from './protocol';

interface Pending {
  capture: NewCapture;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

export interface StoreWorkerClientOptions {
  file: string;
  durability: 'process-crash' | 'power-loss';
  backgroundIndexing: boolean;
  /** A batch is committed; runs before the batch's `add` promises resolve (events reach the UI with the ack). */
  onCommitted(batch: NewCapture[], ids: number[]): void;
  onIndexed(): void;
}

const SYNC_TIMEOUT_MS = 60_000;

/**
 * The main thread's side of the store worker. Group commit: every capture added in one event-loop turn goes to the
 * worker as one batch, written in one transaction; each `add` resolves with its id only after that COMMIT, so a
 * request is acknowledged only once its row is durable. The worker starts on first use.
 */
export class StoreWorkerClient {
  private worker: Worker | null = null;
  /** The worker's replies arrive on a port of our own, so a sync wait can read them at once (receiveMessageOnPort). */
  private replies: MessagePort | null = null;
  private queue: Pending[] = [];
  private scheduled = false;
  private seq = 0;
  private readonly inFlight = new Map<number, Pending[]>();
  private readonly sync = new Int32Array(new SharedArrayBuffer(12));
  private ticket = 0;
  private closed = false;

  constructor(private readonly options: StoreWorkerClientOptions) {}

  add(capture: NewCapture): Promise<number> {
    if (this.closed) return Promise.reject(new Error('The capture store is closed.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ capture, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.send());
      }
    });
  }

  /** Hands everything queued to the worker now. */
  send(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const seq = ++this.seq;
    this.inFlight.set(seq, batch);
    const worker = this.ensureWorker();
    Atomics.add(this.sync, 2, 1);
    worker.postMessage({
      type: 'insert',
      seq,
      captures: batch.map((p) => p.capture),
    } satisfies ToStoreWorker);
  }

  /** Blocks until everything added so far is committed (and, with `drain`, indexed). */
  flush(drain = false): void {
    if (this.closed) return;
    this.send();
    if (!drain && !this.worker) return;
    const ticket = ++this.ticket;
    this.post({ type: 'sync', ticket, drain });
    this.waitFor(ticket, drain ? 'index the backlog' : 'commit');
  }

  /** Ask the worker to index whatever is behind (at startup). */
  poke(): void {
    if (!this.closed) this.post({ type: 'poke' });
  }

  dictionariesChanged(): void {
    if (this.worker) this.post({ type: 'dictionaries-changed' });
  }

  /** Commits what is queued, writes prepared index rows and closes the worker's connection before returning. */
  close(): void {
    if (this.closed) return;
    this.send();
    const worker = this.worker;
    if (worker) {
      const ticket = ++this.ticket;
      this.post({ type: 'close', ticket });
      try {
        this.waitFor(ticket, 'close');
      } catch {
        // it is going away regardless
      }
      void worker.terminate();
    }
    this.closed = true;
    this.worker = null;
    this.replies?.close();
    this.replies = null;
    this.failAll(new Error('The capture store closed before this capture was committed.'));
  }

  get queued(): number {
    return this.queue.length;
  }

  private post(message: ToStoreWorker): void {
    this.ensureWorker().postMessage(message);
  }

  private waitFor(ticket: number, what: string): void {
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(this.sync, 0);
      if (done >= ticket) {
        this.readReplies();
        return;
      }
      if (Atomics.load(this.sync, 1) !== 0) throw new Error(`The store worker failed; could not ${what}.`);
      if (Date.now() > deadline)
        throw new Error(`The store worker did not ${what} within ${SYNC_TIMEOUT_MS} ms.`);
      Atomics.wait(this.sync, 0, done, 100);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    Atomics.store(this.sync, 1, 0);
    Atomics.store(this.sync, 2, 0);
    const { port1, port2 } = new MessageChannel();
    const data: StoreWorkerData = {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: this.options.file,
      durability: this.options.durability,
      backgroundIndexing: this.options.backgroundIndexing,
      sync: this.sync,
      replies: port2,
    };
    const worker = new Worker(storeWorkerSource(), { eval: true, workerData: data, transferList: [port2] });
    worker.unref();
    port1.on('message', (message: FromStoreWorker) => this.receive(message));
    port1.unref();
    this.replies = port1;
    const gone = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = null;
      Atomics.store(this.sync, 1, 1);
      this.failAll(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`The store worker exited (code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private readReplies(): void {
    const port = this.replies;
    if (!port) return;
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port))
      this.receive(m.message as FromStoreWorker);
  }

  private receive(message: FromStoreWorker): void {
    if (message.type === 'indexed') {
      if (!this.closed) this.options.onIndexed();
      return;
    }
    if (message.type === 'fatal') return; // the 'error' event that follows fails what is pending
    const batch = this.inFlight.get(message.seq);
    if (!batch) return;
    this.inFlight.delete(message.seq);
    if (message.type === 'failed') {
      const error = new Error(`Could not store captures: ${message.message}`);
      for (const p of batch) p.reject(error);
      return;
    }
    this.options.onCommitted(
      batch.map((p) => p.capture),
      message.ids,
    );
    for (let i = 0; i < batch.length; i++) batch[i]!.resolve(message.ids[i]!);
  }

  private failAll(error: unknown): void {
    for (const batch of this.inFlight.values()) for (const p of batch) p.reject(error);
    this.inFlight.clear();
    for (const p of this.queue) p.reject(error);
    this.queue = [];
  }
}

let cachedSource: string | null = null;

/**
 * The worker's code as one CommonJS script, run with `eval: true` so it loads the same way from dist/, from inside
 * Electron's asar and from the TypeScript sources: the build writes dist/store-worker.cjs beside the bundles; from
 * sources (tests, tsx) it is bundled here with esbuild, once per process. HOOKSCOPE_STORE_WORKER overrides either.
 */
export function storeWorkerSource(): string {
  if (cachedSource !== null) return cachedSource;
  const override = process.env.HOOKSCOPE_STORE_WORKER;
  const built = [override, rel('../store-worker.cjs'), rel('./store-worker.cjs')].find(
    (f): f is string => !!f && f.endsWith('.cjs') && existsSync(f),
  );
  if (built) return (cachedSource = readFileSync(built, 'utf8'));
  const entry = override?.endsWith('.ts') ? override : rel('./store-worker.ts');
  if (!entry || !existsSync(entry))
    throw new Error(
      'The store worker is missing: run the build (dist/store-worker.cjs) or set HOOKSCOPE_STORE_WORKER.',
    );
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
  const result = esbuild.buildSync({
    ...storeWorkerBuildOptions,
    external: [...storeWorkerBuildOptions.external],
    entryPoints: [entry],
    write: false,
  });
  return (cachedSource = result.outputFiles![0]!.text);
}

/** Shared with scripts/build.mjs (keep the two in step): one self-contained script, better-sqlite3 loaded by path. */
export const storeWorkerBuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['better-sqlite3'],
  logLevel: 'warning',
} as const;

function rel(path: string): string | null {
  try {
    return fileURLToPath(new URL(path, import.meta.url));
  } catch {
    return null;
  }
}
