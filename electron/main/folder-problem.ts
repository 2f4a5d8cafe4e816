import { accessSync, constants } from 'node:fs';
import { makeDirs } from '../engine/util/make-dirs';

/** Why `dir` cannot be made or written (a file in its way, no permission), or null when it can. */
export function folderProblem(dir: string): string | null {
  try {
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
