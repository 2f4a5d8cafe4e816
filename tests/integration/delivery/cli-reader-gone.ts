import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The CLI in a child process whose stdout reader goes away after the first attempt line, as `| head -1` does; the
 * command would next retry minutes later. Resolves with its exit code and stderr; a child still running after 15 s is
 * stopped (exit code null).
 */
export function readerGoneAfterFirstAttempt(args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'cli-main-child.ts'), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (/#1 /.test(out)) child.stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const bound = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(bound);
      resolve({ code, err });
    });
  });
}
