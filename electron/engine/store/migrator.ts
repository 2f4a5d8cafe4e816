import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  name: string;
  sql: string;
  sha256: string;
}

/** A migration problem. The database is left exactly as it was. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const here = dirname(fileURLToPath(import.meta.url));

/** Source tree (electron/engine/store/migrations) or the bundle's copy (dist/migrations). */
export function findMigrationsDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.HOOKSCOPE_MIGRATIONS_DIR, join(here, 'migrations'), join(here, '../migrations')];
  for (const dir of candidates) if (dir && existsSync(dir)) return dir;
  throw new MigrationError(
    `No migrations directory found (looked in ${candidates.filter(Boolean).join(', ')}).`,
  );
}

export function loadMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, sha256: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations, all in one transaction. Refuses to touch the database when an applied migration
 * was edited or removed (a downgrade), because guessing there could destroy user data.
 */
export function migrate(db: Database.Database, migrations: Migration[]): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)`);
  const recorded = new Map(
    (
      db.prepare('SELECT name, sha256 FROM schema_migrations').all() as { name: string; sha256: string }[]
    ).map((row) => [row.name, row.sha256]),
  );
  const known = new Set(migrations.map((m) => m.name));
  for (const [name] of recorded) {
    if (!known.has(name)) {
      throw new MigrationError(
        `${db.name} was migrated by a newer Hookscope (it has migration ${name}, which this version lacks). ` +
          'Nothing was changed; run the newer version or open another data directory.',
      );
    }
  }
  for (const migration of migrations) {
    const sha = recorded.get(migration.name);
    if (sha !== undefined && sha !== migration.sha256) {
      throw new MigrationError(
        `Migration ${migration.name} was edited after it was applied (recorded sha256 ${sha.slice(0, 12)}…, file ` +
          `${migration.sha256.slice(0, 12)}…). Migrations are append-only: restore the file and add a new migration. ` +
          'Nothing was changed.',
      );
    }
  }
  const applied: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (name, sha256, applied_at_ms) VALUES (?, ?, ?)');
  const recordedNow = db.prepare('SELECT 1 FROM schema_migrations WHERE name = ?');
  const pending = migrations.filter((m) => !recorded.has(m.name));
  // Nothing to do takes no write lock: a reader beside a running app (the CLI) must not wait for the app's writes.
  if (pending.length === 0) return { applied };
  let running: Migration | undefined;
  try {
    // One transaction for the whole upgrade: a migration that fails (a full disk) or a kill part-way leaves the database
    // as the older version left it, so that version still opens it. IMMEDIATE takes the write lock first, so another
    // process opening the same database (the app and a CLI command started together) cannot apply one meanwhile.
    db.transaction(() => {
      for (const migration of pending) {
        if (recordedNow.get(migration.name)) continue;
        running = migration;
        db.exec(migration.sql);
        record.run(migration.name, migration.sha256, Date.now());
        applied.push(migration.name);
      }
      running = undefined;
    }).immediate();
  } catch (error) {
    throw new MigrationError(
      `${running ? `Migration ${running.name} failed` : 'The upgrade failed'} and was rolled back with ` +
        'the rest of this upgrade; no migration of this upgrade was applied and the database is unchanged from before ' +
        'it: ' +
        (error instanceof Error ? error.message : String(error)),
    );
  }
  return { applied };
}
