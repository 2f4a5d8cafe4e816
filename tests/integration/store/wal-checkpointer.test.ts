import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { databaseFileName, openDatabase } from '../../../electron/engine/store/database';
import { shouldTruncate, WalCheckpointer } from '../../../electron/engine/store/wal-checkpointer';
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

describe('when a checkpoint may hold writers', () => {
  const mb = 1024 * 1024;
  it('truncates a WAL over its bound only once PASSIVE has left at most 256 frames to copy', () => {
    expect(shouldTruncate({ busy: 0, log: 5000, checkpointed: 5000 }, 40 * mb, 32 * mb)).toBe(true);
    expect(shouldTruncate({ busy: 0, log: 5000, checkpointed: 4744 }, 40 * mb, 32 * mb)).toBe(true);
    // A large remainder (writers appended while PASSIVE copied a big WAL): PASSIVE again next tick, holding no one.
    expect(shouldTruncate({ busy: 0, log: 30_000, checkpointed: 4000 }, 240 * mb, 32 * mb)).toBe(false);
    expect(shouldTruncate({ busy: 0, log: 5000, checkpointed: 5000 }, 16 * mb, 32 * mb)).toBe(false);
    expect(shouldTruncate(undefined, 40 * mb, 32 * mb)).toBe(false);
  });

  it('keeps writers moving while it works through a large WAL', async () => {
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (b BLOB)');
    const insert = db.prepare('INSERT INTO t (b) VALUES (?)');
    // 48 MB of WAL before the checkpointer starts, as after a bulk delete or an import.
    db.transaction(() => {
      for (let i = 0; i < 12_000; i++) insert.run(Buffer.alloc(4096, i % 251));
    })();
    expect(walBytes()).toBeGreaterThan(40 * 1024 * 1024);
    db.pragma('busy_timeout = 2000');
    const checkpointer = new WalCheckpointer(db, file, { intervalMs: 10, maxWalBytes: 1024 * 1024 });
    checkpointer.start();
    try {
      // Writers keep committing 1 MB transactions throughout; none may wait out a 2 s busy timeout, and the WAL still
      // comes back under its bound.
      for (let round = 0; round < 60; round++) {
        db.transaction(() => {
          for (let j = 0; j < 256; j++) insert.run(Buffer.alloc(4096, round));
        })();
        await new Promise((r) => setTimeout(r, 5));
      }
      await expect.poll(walBytes, { timeout: 15_000 }).toBeLessThan(1024 * 1024);
      expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 12_000 + 60 * 256 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      checkpointer.stop();
    }
  });
});
