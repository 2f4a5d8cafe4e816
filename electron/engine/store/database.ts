import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makeDirs } from '../util/make-dirs';
import { findMigrationsDir, loadMigrations, migrate, MigrationError } from './migrator';
import { describeStorageError } from './storage-error';

export interface OpenDatabaseOptions {
  dataDir: string;
  /**
   * `process-crash` (synchronous=NORMAL): in WAL mode no committed row is lost when the process dies, at a fraction
   * of FULL's cost. `power-loss` (synchronous=FULL) also survives an OS crash or power cut.
   */
  durability?: 'process-crash' | 'power-loss';
  migrationsDir?: string;
}

export const databaseFileName = 'hookscope.sqlite';

export function openDatabase(options: OpenDatabaseOptions): Database.Database {
  makeDirs(options.dataDir);
  const file = join(options.dataDir, databaseFileName);
  const db = new Database(file);
  try {
    // Before any pragma: WAL mode alone would rewrite another program's file.
    refuseForeignDatabase(db, file);
    // 8 KB pages: smaller files and faster inserts for ~1-2 KB rows (must precede the first table).
    db.pragma('page_size = 8192');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.durability === 'power-loss' ? 'FULL' : 'NORMAL'}`);
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    // 2 MB of page cache (SQLite's default): list pages and index lookups touch few pages and the OS caches the file.
    // Against 8 MB it took 6–8 MB off the receiver's peak RSS under saturation, with the same query times and index lag
    // at 1M captures (docs/benchmarks.md, "Storage").
    db.pragma('cache_size = -2000');
    migrate(db, loadMigrations(options.migrationsDir ?? findMigrationsDir()));
    return db;
  } catch (error) {
    db.close();
    if (error instanceof MigrationError) throw error;
    const reason = describeStorageError(error) ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`Could not open the Hookscope database ${file}: ${reason}`, { cause: error });
  }
}

/** A database with tables but no migration record belongs to another program: leave it alone. */
function refuseForeignDatabase(db: Database.Database, file: string): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  if (tables.length === 0 || tables.includes('schema_migrations')) return;
  throw new MigrationError(
    `${file} is not a Hookscope database (it has tables ${tables.slice(0, 5).join(', ')}` +
      `${tables.length > 5 ? ', …' : ''} and no schema_migrations). Nothing was changed; move the file away or ` +
      'open another data directory.',
  );
}
