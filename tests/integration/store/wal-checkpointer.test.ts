import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { databaseFileName, openDatabase } from '../../../electron/engine/store/database';
import { WalCheckpointer } from '../../../electron/engine/store/wal-checkpointer';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Database.Database;
let file: string;
const walBytes = () => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

beforeEach(() => {
  dir = tempDir();
  db = openDatabase({ dataDir: dir.path });
  file = join(dir.path, databaseFileName);
});
afterEach(() => {
  db.close();
  dir.cleanup();
});

describe('WAL checkpoints in a worker thread', () => {
  it('turns automatic checkpoints off while it runs, keeps the WAL bounded, and turns them back on when stopped', async () => {
    const checkpointer = new WalCheckpointer(db, file, { intervalMs: 20, maxWalBytes: 1024 * 1024 });
    checkpointer.start();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.exec('CREATE TABLE t (b BLOB)');
    const insert = db.prepare('INSERT INTO t (b) VALUES (?)');
    let peak = 0;
    for (let i = 0; i < 200; i++) {
      db.transaction(() => {
        for (let j = 0; j < 10; j++) insert.run(Buffer.alloc(4096, i));
      })();
      peak = Math.max(peak, walBytes());
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    // 8 MB went through the WAL; the worker truncated it along the way and after.
    await expect.poll(walBytes, { timeout: 10_000 }).toBeLessThan(1024 * 1024);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2000 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
