import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFileName } from './database';
import { findMigrationsDir, loadMigrations } from './migrator';
import { searchIndexFileName, searchIndexSchemaVersion } from './search-index/index-schema';

/**
 * Whether opening the data folder would change its schema: migrations this build has and the database lacks, or a
 * search index of another version (it is rebuilt). Only looks; a folder it cannot read counts as pending.
 */
export function upgradePending(dataDir: string): boolean {
  return (
    migrationsPending(join(dataDir, databaseFileName)) || indexOutdated(join(dataDir, searchIndexFileName))
  );
}

function migrationsPending(file: string): boolean {
  const names = loadMigrations(findMigrationsDir()).map((m) => m.name);
  return readQuietly(file, (db) => {
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    if (!hasTable) return true;
    const recorded = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
    return names.some((name) => !recorded.has(name));
  });
}

/**
 * A missing index file is not an upgrade: the app creates it. A reader that finds it missing (or outdated since this
 * check) beside a running app refuses instead (openReaderStores).
 */
function indexOutdated(file: string): boolean {
  if (!existsSync(file)) return false;
  return readQuietly(file, (db) => db.pragma('user_version', { simple: true }) !== searchIndexSchemaVersion);
}

function readQuietly(file: string, read: (db: Database.Database) => boolean): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    return read(db);
  } catch {
    return true;
  } finally {
    db?.close();
  }
}
