import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type Logger } from '../engine/util/logger';

const defaultMaxBytes = 5 * 1024 * 1024;

/**
 * JSON lines in `<logsDir>/main.log`; the previous file is kept as main.log.1 once it passes 5 MB — checked at
 * startup and while writing, so an app left running (or a logging storm) cannot fill the disk.
 */
export function createFileLogger(
  logsDir: string,
  echo?: (line: string) => void,
  options: { maxBytes?: number } = {},
): Logger {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  try {
    mkdirSync(logsDir, { recursive: true });
  } catch {
    // an unusable data folder: the engine fails on it next and the user is told why, in a dialog
  }
  const file = join(logsDir, 'main.log');
  let size = 0;
  const rotateIfFull = () => {
    if (size <= maxBytes) return;
    try {
      renameSync(file, `${file}.1`);
    } catch {
      // no log yet
    }
    size = 0;
  };
  try {
    size = statSync(file).size;
  } catch {
    // no log yet
  }
  rotateIfFull();
  return createLogger((line) => {
    echo?.(line);
    try {
      appendFileSync(file, line + '\n');
      size += Buffer.byteLength(line) + 1;
      rotateIfFull();
    } catch {
      // logging must never take the app down
    }
  });
}
