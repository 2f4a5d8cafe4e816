import type { CliIo } from './io';

/** How often a command waiting in silence looks whether its reader has gone (tail looks at each poll, 200 ms apart). */
const LOOK_EVERY_MS = 200;

/**
 * `signal` is aborted once the reader of stdout has gone (`hookscope send … | head -1`): on a failed write, or found
 * while nothing is written (a retry that waits minutes), so the command can stop instead of sending on for no one.
 * Start it before anything is written, while the reader is surely there (see `stdoutReaderProbe`); `stop()` it after.
 */
export function watchStdoutReader(io: CliIo): { signal: AbortSignal | undefined; stop(): void } {
  const signal = io.stdoutClosed;
  const check = io.checkStdoutReader;
  if (!signal || !check) return { signal, stop() {} };
  check();
  const timer = setInterval(check, LOOK_EVERY_MS);
  timer.unref();
  return { signal, stop: () => clearInterval(timer) };
}
