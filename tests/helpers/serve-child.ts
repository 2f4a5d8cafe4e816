import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { useCleanup } from './cleanup';

export interface ServeChild {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** Everything it has written so far. */
  output: { stdout: string; stderr: string };
}

/**
 * `hookscope serve --json-ready --no-ui` on `dataDir` in a child process, both ports 0, so a test can send it signals;
 * SIGKILLed after the test if still running.
 */
export function startServeChild(dataDir: string, cleanups: ReturnType<typeof useCleanup>): ServeChild {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, '../integration/delivery/cli-main-child.ts'),
      'serve',
      '--data-dir',
      dataDir,
      '--receiver-port',
      '0',
      '--ui-port',
      '0',
      '--no-ui',
      '--json-ready',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, exited, output };
}
