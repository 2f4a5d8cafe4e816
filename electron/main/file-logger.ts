import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type Logger } from '../engine/util/logger';

const maxBytes = 5 * 1024 * 1024;

/** JSON lines in `<logsDir>/main.log`; the previous file is kept as main.log.1 once it passes 5 MB. */
export function createFileLogger(logsDir: string, echo?: (line: string) => void): Logger {
  mkdirSync(logsDir, { recursive: true });
  const file = join(logsDir, 'main.log');
  try {
    if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
  return createLogger((line) => {
    echo?.(line);
    try {
      appendFileSync(file, line + '\n');
    } catch {
      // logging must never take the app down
    }
  });
}
