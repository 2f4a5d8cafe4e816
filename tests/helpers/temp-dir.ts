import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh data dir per test; `cleanup` removes it. */
export function tempDir(prefix = 'hookscope-test-'): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  // Retries: a child process or worker that was just stopped may still be releasing files in the directory.
  return {
    path,
    cleanup: () => rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }),
  };
}
