import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { databaseFileName } from '../engine/store/database';
import { defaultDataDir, expandHome } from '../engine/util/data-dir';
import { UsageError } from './io';

/**
 * `--data-dir` wins, then HOOKSCOPE_DATA_DIR, then the OS app-data folder (~/.config/Hookscope on Linux). A leading
 * `~` is the home folder in both, also where no shell expanded it (`--data-dir=~/hooks`, a quoted "~/hooks").
 */
export function resolveDataDir(flag: string | undefined): string {
  if (flag !== undefined && flag.trim() === '') throw new UsageError('--data-dir: empty; give a folder');
  const dir = resolve(
    flag === undefined
      ? defaultDataDir(process.env, process.platform, homedir())
      : expandHome(flag, process.platform, homedir()),
  );
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new UsageError(`--data-dir: ${dir} is a file, not a folder`);
  return dir;
}

/**
 * The data folder of a command that only reads captures (tail, export): it must already hold a database, so a
 * mistyped path is reported instead of quietly creating an empty one.
 */
export function existingDataDir(flag: string | undefined): string {
  const dir = resolveDataDir(flag);
  if (!existsSync(join(dir, databaseFileName)))
    throw new UsageError(
      `--data-dir: no Hookscope database in ${dir} (${databaseFileName}); check the path, or HOOKSCOPE_DATA_DIR`,
    );
  return dir;
}
