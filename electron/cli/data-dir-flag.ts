import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { defaultDataDir } from '../engine/util/data-dir';

/** `--data-dir` wins, then HOOKSCOPE_DATA_DIR, then the OS app-data folder (~/.config/Hookscope on Linux). */
export function resolveDataDir(flag: string | undefined): string {
  return resolve(flag ?? defaultDataDir(process.env, process.platform, homedir()));
}
