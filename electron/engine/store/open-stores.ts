import type Database from 'better-sqlite3';
import { join } from 'node:path';
import type { CaptureSummary } from '../../shared/contract/index';
import type { Clock } from '../util/clock';
import { CaptureStore } from './capture-store';
import { databaseFileName, openDatabase } from './database';
import { EndpointStore } from './endpoint-store';
import { attachSearchIndex, searchIndexFileName } from './search-index/index-schema';
import type { IndexProgress } from './fts-indexer';
import { SettingsStore } from './settings-store';

export interface Stores {
  db: Database.Database;
  captures: CaptureStore;
  endpoints: EndpointStore;
  settings: SettingsStore;
}

export interface StoreEvents {
  created?(items: CaptureSummary[]): void;
  deleted?(ids: number[], all: boolean): void;
  updated?(items: CaptureSummary[]): void;
  progress?(progress: IndexProgress): void;
  indexFailed?(error: unknown): void;
  fileFailed?(error: unknown): void;
  fileRecovered?(): void;
}

/** The database and its stores, without a receiver (the CLI's `tail` and `export` use this too). */
export function openStores(options: {
  dataDir: string;
  clock: Clock;
  durability?: 'process-crash' | 'power-loss';
  events?: StoreEvents;
  /**
   * When to start filing acknowledged captures: now (tests, tools), later (the engine, once its annotators are
   * registered), or never (the CLI: the app files them, with its annotators).
   */
  filing?: 'now' | 'later' | 'never';
  /** Deletes of more captures than this cannot be undone (see CaptureTrash). */
  maxUndoableDelete?: number;
  /**
   * A reader beside a running app (the CLI): no checkpoints, no index merges, no index writes at close, no default
   * endpoint inserted. Those are the app's; two writers made its reads fail with "database is locked".
   */
  readOnly?: boolean;
  /** false: a search index that is missing, damaged or of another version is not rebuilt (see attachSearchIndex). */
  rebuildSearchIndex?: boolean;
}): Stores {
  const db = openDatabase({ dataDir: options.dataDir, durability: options.durability });
  const indexFile = join(options.dataDir, searchIndexFileName);
  try {
    attachSearchIndex(db, indexFile, options.rebuildSearchIndex ?? true);
  } catch (error) {
    db.close();
    throw error;
  }
  const endpoints = new EndpointStore(db, () => options.clock.now(), options.readOnly ?? false);
  const settings = new SettingsStore(db);
  const events = options.events ?? {};
  const captures = new CaptureStore(
    db,
    endpoints,
    options.clock,
    {
      created: (items) => events.created?.(items),
      deleted: (ids, all) => events.deleted?.(ids, all),
      updated: (items) => events.updated?.(items),
      progress: (p) => events.progress?.(p),
      indexFailed: (error) => events.indexFailed?.(error),
      fileFailed: (error) => events.fileFailed?.(error),
      fileRecovered: () => events.fileRecovered?.(),
    },
    { captures: join(options.dataDir, databaseFileName), index: indexFile },
    options.maxUndoableDelete,
    options.readOnly ?? false,
  );
  if ((options.filing ?? 'now') === 'now') captures.startFiling();
  return { db, captures, endpoints, settings };
}
