import Database from 'better-sqlite3';
import { linkSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeDirs } from '../util/make-dirs';

/**
 * The file that says which process runs the engine on a data folder: its pid, nothing else. Older Hookscopes lock the
 * folder with it alone.
 */
export const lockFileName = 'hookscope.lock';

/**
 * The lock itself: an exclusive transaction held open on this (empty) database. The kernel grants it to one process
 * however many start at once, and drops it when that process dies, so there is no stale lock to judge.
 */
const ownerLockFileName = 'hookscope-lock.sqlite';

/** The folder is held by another live process (`holder`), or by this one already. */
export class DataDirInUseError extends Error {
  constructor(
    message: string,
    readonly holder: number | null,
  ) {
    super(message);
    this.name = 'DataDirInUseError';
  }
}

/** Folders this process holds, so a second engine here is refused too (its pid is alive: it is ours). */
const held = new Set<string>();

/**
 * Takes the data folder for one engine: only one may file captures, prune and index a database. A lock left by a
 * process that is gone (killed, crashed) is taken over. Readers (the CLI's tail and export) take it only to upgrade
 * the folder (see open-reader-stores.ts) or, for export --search, to index what a stopped app left
 * (cli/catch-up-search-index.ts).
 * Returns the release, which also runs when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  makeDirs(dataDir);
  const path = join(dataDir, lockFileName);
  const key = resolve(path);
  const pidFileHolder = (holder: number) =>
    new DataDirInUseError(
      `data folder ${dataDir} is in use by another Hookscope (pid ${holder}). Stop it, or use another --data-dir; ` +
        `if no Hookscope is running (the pid now belongs to another program), delete ${path}.`,
      holder,
    );
  if (held.has(key)) throw pidFileHolder(process.pid);
  const owner = takeOwnerLock(join(dataDir, ownerLockFileName));
  if (!owner) {
    // Its pid may not be written yet (it is starting), or still be the one of a holder that died.
    const holder = lockHolder(path);
    const named = holder !== null && isAlive(holder) ? ` (pid ${holder})` : '';
    throw new DataDirInUseError(
      `data folder ${dataDir} is in use by another Hookscope${named}. Stop it, or use another --data-dir.`,
      named ? holder : null,
    );
  }
  try {
    // Under the owner lock only an older Hookscope, which knows just the pid file, can race for it.
    for (let attempt = 0; !createLock(path); attempt++) {
      const holder = lockHolder(path);
      if (holder !== null && holder !== process.pid && isAlive(holder)) throw pidFileHolder(holder);
      if (attempt >= 5)
        throw new DataDirInUseError(`data folder ${dataDir} is in use by another Hookscope`, null);
      removeStaleLock(path, holder);
    }
  } catch (error) {
    owner.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new Error(
        `Could not lock the data folder ${dataDir}: the disk holding it is full. Free disk space, then start again. ` +
          `(${(error as Error).message})`,
        { cause: error },
      );
    throw error;
  }
  held.add(key);
  const release = () => {
    process.off('exit', release);
    if (!held.delete(key)) return;
    // The pid goes first: the next starter, let in by the owner lock, must not find ours and take us for its holder.
    if (lockHolder(path) === process.pid) rmSync(path, { force: true });
    owner.close();
  };
  process.on('exit', release);
  return release;
}

/** Opens the owner-lock database and takes its exclusive lock, or returns null if another process has it. */
function takeOwnerLock(path: string): Database.Database | null {
  // No busy wait: a held lock is held by a running Hookscope, which will not let go soon.
  const db = new Database(path, { timeout: 0 });
  try {
    // Nothing is ever written: no journal file beside it, left behind by a holder that is killed.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY') return null;
    // SQLite's own words ("file is not a database") read as if the captures' database were damaged.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new Error(
        `The data folder's lock file ${path} is damaged (${(error as Error).message}). It holds no data: ` +
          'delete it, then start again. The captures are in another file and were not touched.',
        { cause: error },
      );
    throw error;
  }
}

/**
 * Creates the lock with our pid already in it, or returns false if one exists. The pid goes into a file of our own that
 * is then hard-linked into place, so nobody ever reads a lock that exists but is still empty and takes it for stale.
 */
function createLock(path: string): boolean {
  const own = `${path}.${process.pid}`;
  try {
    // Inside the try: on a full disk the file is created and the write fails, and the empty file must not stay behind.
    writeFileSync(own, String(process.pid));
    linkSync(own, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: create in place (the short window before the pid is written remains).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return true;
    } catch (inPlace) {
      if ((inPlace as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inPlace;
    }
  } finally {
    rmSync(own, { force: true });
  }
}

/**
 * Removes the lock judged stale, unless another starter has meanwhile replaced it with its own: the lock is first
 * moved aside (one move wins), and if what was moved is not the stale one after all, it is put back.
 */
export function removeStaleLock(path: string, staleHolder: number | null): void {
  const aside = `${path}.stale-${process.pid}`;
  // It has no pid to read and would be moved aside, then fail to be removed as a file.
  if (isFolder(path))
    throw new Error(
      `The data folder's lock file ${path} is a folder. Hookscope writes only its process id there: move or delete ` +
        'that folder, then start again. The captures are in another file and were not touched.',
    );
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (lockHolder(aside) !== staleHolder) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds a newer lock already; the next look at it decides.
    }
  }
  rmSync(aside, { force: true });
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function lockHolder(path: string): number | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
