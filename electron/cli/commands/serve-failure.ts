import { UsageError, type CliIo } from '../io';

/**
 * Why `serve` did not start: `usage` (a flag is wrong; exit 2), `port_in_use` (exit 1) or `start_failed` (anything
 * else; exit 1).
 */
export type ServeFailureCode = 'usage' | 'port_in_use' | 'start_failed';

/**
 * With --json-ready a script reads stdout line by line for {"event":"ready"}: a failure to start is one line there
 * too, {"event":"error","code":…,"message":…,"exitCode":…}, written before the process exits. The message is also on
 * stderr, as without --json-ready.
 */
export function printServeFailure(
  io: CliIo,
  code: ServeFailureCode,
  message: string,
  exitCode: number,
): void {
  io.stdout(JSON.stringify({ event: 'error', code, message, exitCode }) + '\n');
}

/** A failure thrown out of `serve` (main prints it on stderr), said on stdout too. */
export function printThrownServeFailure(io: CliIo, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) printServeFailure(io, 'usage', message, 2);
  else printServeFailure(io, 'start_failed', message, 1);
}
