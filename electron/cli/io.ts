import { parseArgs, type ParseArgsConfig } from 'node:util';
import { relaunchTunedForEngine } from '../engine/util/engine-launch-tuning';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Only for the real process (never a test's in-process run): relaunch it tuned for a long-running engine. */
  tuneProcessForEngine?: () => void;
}

export const processIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  tuneProcessForEngine: relaunchTunedForEngine,
};

/** A flag problem: the message names the flag; the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's messages already name the flag ("Unknown option '--prot'"); drop its advice about positionals.
    throw new UsageError(message.split('. To specify')[0]!);
  }
}

export function intFlag(
  value: string | undefined,
  flag: string,
  fallback: number,
  min = 0,
  max = 65535,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** `2026-11-01T10:00:00Z`, a Unix time in ms, or a duration back from now: `90s`, `15m`, `2h`, `7d`. */
export function timeFlag(value: string | undefined, flag: string, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const duration = /^(\d+)(s|m|h|d)$/.exec(value);
  if (duration) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2] as 's' | 'm' | 'h' | 'd'];
    return nowMs - Number(duration[1]) * unit;
  }
  if (/^\d+$/.test(value)) return Number(value);
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed))
    throw new UsageError(`${flag}: expected an ISO time, epoch ms or a duration like 2h, got "${value}"`);
  return parsed;
}
