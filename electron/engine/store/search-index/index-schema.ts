import type Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';

/**
 * The full-text index lives in its own database file. The receiver's thread adds new rows to it (small, cheap FTS5
 * segments) and a worker merges those segments (see fts-merger.ts): merging is the expensive part, and on the
 * receiver's thread one merge held every request for up to ~50 ms. In its own file the merge's write lock never
 * delays a capture's COMMIT. It is derived data: a missing, damaged or outdated file is rebuilt from the captures,
 * never the other way round.
 */
export const searchIndexFileName = 'hookscope-index.sqlite';
/** The schema name the index is attached under on the main connection. */
export const searchIndexSchemaName = 'idx';
/** Raise when what is indexed changes: an index file of another version is rebuilt from the captures. 2: decoded
 * paths and form fields. 3: CJK runs as pairs of characters. 4: bodies in their declared charset, and Latin-1 %XX
 * escapes in forms and queries. 5: the letters and digits of words that mix them with CJK. 6: ß folded to ss. 7: Ł, Ø,
 * Đ, Ħ, ı, Æ and Œ folded to L, O, D, H, i, AE and OE. 8: the marks of every script left out (Αθήνα, שָׁלוֹם). */
export const searchIndexSchemaVersion = 8;

function schemaSql(s: string): string {
  return `
-- Contentless: the text lives in captures/capture_bodies; rowid = captures.id.
CREATE VIRTUAL TABLE ${s}.captures_fts USING fts5 (
  path, query, headers, body, labels,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
-- Writes never merge (the merger worker does, 8 segments of a level at a time); past 16 segments a level is still
-- merged by the write itself (FTS5's crisis merge), should the merger fall far behind.
INSERT INTO ${s}.captures_fts (captures_fts, rank) VALUES ('automerge', 0);
INSERT INTO ${s}.captures_fts (captures_fts, rank) VALUES ('usermerge', 8);
-- Every capture with an id up to indexed_upto has been indexed (or was deleted before it could be).
CREATE TABLE ${s}.index_state (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_upto INTEGER NOT NULL);
INSERT INTO ${s}.index_state (id, indexed_upto) VALUES (1, 0);
PRAGMA ${s}.user_version = ${searchIndexSchemaVersion};
`;
}

/** The index file is missing, damaged or of another version, and the caller may not rebuild it (a reader). */
export class SearchIndexNeedsRebuildError extends Error {
  constructor(file: string, options?: ErrorOptions) {
    super(`The search index ${file} is missing, damaged or of another version and must be rebuilt`, options);
    this.name = 'SearchIndexNeedsRebuildError';
  }
}

/**
 * Attaches the index file to the main connection (searches join it with captures) and creates or rebuilds its schema.
 * Called once at open, before any index worker starts, so nothing else writes the file meanwhile. `rebuild: false`
 * (a reader beside a running app, which owns the file) never creates, deletes or rebuilds it: it throws
 * SearchIndexNeedsRebuildError instead.
 */
export function attachSearchIndex(db: Database.Database, file: string, rebuild = true): void {
  if (!rebuild && !existsSync(file)) throw new SearchIndexNeedsRebuildError(file);
  try {
    attachAndPrepare(db, file, rebuild);
  } catch (error) {
    if (!isDamagedFile(error)) throw error;
    detachQuietly(db);
    if (!rebuild) throw new SearchIndexNeedsRebuildError(file, { cause: error });
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    attachAndPrepare(db, file, rebuild);
  }
}

function attachAndPrepare(db: Database.Database, file: string, rebuild: boolean): void {
  const s = searchIndexSchemaName;
  db.prepare(`ATTACH DATABASE ? AS ${s}`).run(file);
  db.pragma(`${s}.page_size = 8192`);
  db.pragma(`${s}.journal_mode = WAL`);
  db.pragma(`${s}.synchronous = NORMAL`);
  const version = () => db.pragma(`${s}.user_version`, { simple: true }) as number;
  if (version() === searchIndexSchemaVersion) {
    // Reading the schema fails here, not at the first search, when the file is damaged.
    db.prepare(`SELECT indexed_upto FROM ${s}.index_state`).get();
    return;
  }
  if (!rebuild) throw new SearchIndexNeedsRebuildError(file);
  // Another process opening the same folder (the app and a CLI command started together) may be rebuilding it too:
  // IMMEDIATE waits for its write lock, and an index it brought up to date meanwhile is kept.
  db.transaction(() => {
    if (version() === searchIndexSchemaVersion) return;
    db.exec(`DROP TABLE IF EXISTS ${s}.captures_fts; DROP TABLE IF EXISTS ${s}.index_state;`);
    db.exec(schemaSql(s));
  }).immediate();
}

function isDamagedFile(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

function detachQuietly(db: Database.Database): void {
  try {
    db.exec(`DETACH DATABASE ${searchIndexSchemaName}`);
  } catch {
    // not attached
  }
}
