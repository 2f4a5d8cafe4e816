// The store worker: the one thread that writes captures and the full-text index, on its own SQLite connection. The
// main thread (receiver, API, Electron IPC) hands it each group-commit batch and acknowledges requests once it answers
// `committed`, so neither COMMITs nor indexing ever sit on the main event loop.
import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { createDecodeSearchText } from '../../decode/search-text-extractor';
import { systemClock } from '../../util/clock';
import { createCaptureInserter, type NewCapture } from '../capture-writer';
import { FtsIndexer } from '../fts-indexer';
import type { FromStoreWorker, StoreWorkerData, ToStoreWorker } from './protocol';

const data = workerData as StoreWorkerData;
const port = parentPort!;
const post = (message: FromStoreWorker) => data.replies.postMessage(message);

function open(): BetterSqlite3.Database {
  const Database = createRequire(data.driver)(data.driver) as typeof BetterSqlite3;
  const db = new Database(data.file);
  db.pragma('busy_timeout = 5000');
  db.pragma(`synchronous = ${data.durability === 'power-loss' ? 'FULL' : 'NORMAL'}`);
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -8000');
  // Checkpoints run in their own worker (wal-checkpointer.ts); never inside one of these COMMITs.
  db.pragma('wal_autocheckpoint = 0');
  return db;
}

function signal(ticket: number) {
  Atomics.store(data.sync, 0, ticket);
  Atomics.notify(data.sync, 0);
}

let db: BetterSqlite3.Database;
try {
  db = open();
} catch (error) {
  Atomics.store(data.sync, 1, 1);
  Atomics.notify(data.sync, 0);
  post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  throw error;
}
const insert = createCaptureInserter(db);
const searchText = createDecodeSearchText(db);
const indexer = new FtsIndexer(db, [searchText.extract], systemClock, () => post({ type: 'indexed' }));
let batchesHandled = 0;
indexer.capturesWaiting = () => Atomics.load(data.sync, 2) > batchesHandled;

// structured clone turns Buffers into plain Uint8Arrays; SQLite should store them as BLOBs all the same
const asBuffer = (u8: Uint8Array) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);

port.on('message', (message: ToStoreWorker) => {
  switch (message.type) {
    case 'insert': {
      batchesHandled++;
      let ids: number[];
      try {
        ids = insert(message.captures.map((c): NewCapture => ({ ...c, body: asBuffer(c.body) })));
      } catch (error) {
        post({
          type: 'failed',
          seq: message.seq,
          message: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      post({ type: 'committed', seq: message.seq, ids });
      if (data.backgroundIndexing) indexer.committed();
      return;
    }
    case 'sync':
      try {
        if (message.drain) indexer.drain();
      } finally {
        signal(message.ticket);
      }
      return;
    case 'poke':
      if (data.backgroundIndexing) indexer.poke(0);
      return;
    case 'dictionaries-changed':
      searchText.reload();
      return;
    case 'close':
      try {
        indexer.stop();
        db.close();
      } finally {
        signal(message.ticket);
        port.close();
      }
      return;
  }
});
