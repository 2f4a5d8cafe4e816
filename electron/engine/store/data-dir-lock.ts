import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeDirs } from '../util/make-dirs';

/** The file that says which process runs the engine on a data folder: its pid, nothing else. */
export const lockFileName = 'hookscope.lock';

/** Folders this process holds, so a second engine here is refused too (its pid is alive: it is ours). */
const held = new Set<string>();

/**
 * Takes the data folder for one engine: only one may file captures, prune and index a database. A lock left by a
 * process that is gone (killed, crashed) is taken over. Readers (the CLI's tail and export) take no lock.
 * Returns the release, which also runs when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  makeDirs(dataDir);
  const path = join(dataDir, lockFileName);
  const key = resolve(path);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(path);
      if (holder !== null && (held.has(key) || (holder !== process.pid && isAlive(holder))))
        throw new Error(
          `data folder ${dataDir} is in use by another Hookscope (pid ${holder}). Stop it, or use another --data-dir; ` +
            `if no Hookscope is running (the pid now belongs to another program), delete ${path}.`,
          { cause: error },
        );
      // Stale: its process is gone. Once only; a second EEXIST means another process just took it.
      if (attempt > 0)
        throw new Error(`data folder ${dataDir} is in use by another Hookscope`, { cause: error });
      rmSync(path, { force: true });
    }
  }
  held.add(key);
  const release = () => {
    process.off('exit', release);
    if (!held.delete(key)) return;
    if (lockHolder(path) === process.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return release;
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
