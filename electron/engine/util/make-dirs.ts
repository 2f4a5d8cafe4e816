import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`. Not `mkdirSync(dir, { recursive: true })`: Node's loops forever when mkdir fails with ENOENT although
 * the parent exists (`/proc/nope`: procfs refuses new entries that way), hanging the caller with no output.
 */
export function makeDirs(dir: string): void {
  const path = resolve(dir);
  try {
    mkdirSync(path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(path).isDirectory()) return;
    if (code !== 'ENOENT' || dirname(path) === path) throw error;
  }
  makeDirs(dirname(path));
  // The parent exists now: a second ENOENT is the file system's answer and is thrown.
  try {
    mkdirSync(path);
  } catch (error) {
    // Created meanwhile by someone else (another process starting on the same folder).
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(path).isDirectory()) throw error;
  }
}
