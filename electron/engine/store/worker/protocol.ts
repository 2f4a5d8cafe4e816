import type { MessagePort } from 'node:worker_threads';
import type { NewCapture } from '../capture-writer';

/** What the main thread hands the store worker when it starts. */
export interface StoreWorkerData {
  /** Absolute path of better-sqlite3's entry, so the eval'd worker loads the same native module as the main thread. */
  driver: string;
  file: string;
  durability: 'process-crash' | 'power-loss';
  /** false: index only when asked to drain (tests that drive the indexer themselves). */
  backgroundIndexing: boolean;
  /** [0] the last sync ticket done, [1] non-zero once the worker has failed for good, [2] insert batches posted. */
  sync: Int32Array;
  /** Where the worker posts its replies (FromStoreWorker). */
  replies: MessagePort;
}

export type ToStoreWorker =
  | { type: 'insert'; seq: number; captures: NewCapture[] }
  | { type: 'sync'; ticket: number; drain: boolean }
  | { type: 'poke' }
  | { type: 'dictionaries-changed' }
  | { type: 'close'; ticket: number };

export type FromStoreWorker =
  | { type: 'committed'; seq: number; ids: number[] }
  | { type: 'failed'; seq: number; message: string }
  | { type: 'indexed' }
  | { type: 'fatal'; message: string };
