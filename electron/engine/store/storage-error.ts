/**
 * What a SQLite failure means for the user, for the errors a disk or the database file itself causes; undefined for
 * any other error. SQLite's own text ("database or disk is full") names neither the database nor what to do.
 */
export function describeStorageError(error: unknown): string | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (!code.startsWith('SQLITE_')) return undefined;
  const base = code.replace(/^(SQLITE_[A-Z]+).*$/, '$1');
  const what = storageProblems[base];
  return what && `${what} (${code}: ${error instanceof Error ? error.message : String(error)})`;
}

const storageProblems: Record<string, string> = {
  SQLITE_FULL:
    // Not "or delete captures": a delete writes to the WAL as well, so it fails too while the disk is completely full.
    'The Hookscope database could not be written: the disk holding the data directory is full. Free space on that disk, then try again (deleting captures needs a little free space too, so it can fail while the disk is completely full).',
  SQLITE_READONLY:
    'The Hookscope database could not be written: it or its data directory is read-only. Check the permissions of the data directory.',
  SQLITE_IOERR: 'The disk failed while Hookscope read or wrote its database.',
  SQLITE_CORRUPT:
    'The Hookscope database is damaged. Back up the data directory, then open a new one or restore a backup.',
  SQLITE_NOTADB: 'The Hookscope database file is not a SQLite database.',
  SQLITE_BUSY: 'The Hookscope database is locked by another process; try again.',
  SQLITE_CANTOPEN:
    'The Hookscope database could not be opened: check that the data directory exists and is writable.',
};
