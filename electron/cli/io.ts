import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { relaunchTunedForEngine } from '../engine/util/engine-launch-tuning';
import { secretName } from '../engine/util/secret-names';
import { localMinuteEnd } from '../shared/local-minute';
import { flagProblemMessage } from './flag-problem-message';
import { joinFreeTextValues } from './free-text-flags';
import { stdoutReaderProbe } from './stdout-reader';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Resolves once stdout can take more: a long output awaits it between writes instead of buffering it all. */
  drain?: () => Promise<void>;
  /** Aborted when the reader of stdout has gone (`| head -1`): the command stops writing and exits 0. */
  stdoutClosed?: AbortSignal;
  /** Looks, without writing, whether the reader of stdout has gone, aborting `stdoutClosed` if so (while idle). */
  checkStdoutReader?: () => void;
  /** Resolves once everything written to stdout has gone out or failed. */
  flush?: () => Promise<void>;
  /** Why stdout could not be written, other than its reader having gone (`> /dev/full`: ENOSPC). */
  stdoutFailure?: () => Error | null;
  /** Only for the real process (never a test's in-process run): relaunch it tuned for a long-running engine. */
  tuneProcessForEngine?: () => void;
  /**
   * Until the returned function is called, Ctrl+C (SIGINT) prints `summary()` on stderr and exits 130 as the shell's
   * default would, so a long wait stopped by hand still says what it had done.
   */
  onInterrupt?: (summary: () => string) => () => void;
}

const readerGone = new AbortController();
let writeFailure: Error | null = null;
let listening = false;
let probeReader: (() => boolean) | undefined;
/**
 * Without an 'error' listener an EPIPE on stdout is an uncaught exception; the reader having gone is not an error.
 * Any other failed write (a full disk) also stops the writing, and is kept for `main` to report and exit 1 with.
 */
function listenForReaderGone() {
  if (listening) return;
  listening = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && !readerGone.signal.aborted) writeFailure = error;
    readerGone.abort();
  });
}

export const processIo: CliIo = {
  stdout: (s) => {
    listenForReaderGone();
    if (!readerGone.signal.aborted) process.stdout.write(s);
  },
  stderr: (s) => process.stderr.write(s),
  drain: () => {
    listenForReaderGone();
    if (!process.stdout.writableNeedDrain || readerGone.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        process.stdout.off('drain', done);
        readerGone.signal.removeEventListener('abort', done);
        resolve();
      };
      process.stdout.once('drain', done);
      readerGone.signal.addEventListener('abort', done, { once: true });
    });
  },
  stdoutClosed: readerGone.signal,
  checkStdoutReader: () => {
    probeReader ??= stdoutReaderProbe();
    if (!readerGone.signal.aborted && probeReader()) readerGone.abort();
  },
  flush: () => {
    listenForReaderGone();
    if (readerGone.signal.aborted) return Promise.resolve();
    // The callback runs once the writes before it are done; a failure's 'error' event follows on a later tick.
    return new Promise((resolve) => process.stdout.write('', () => setImmediate(resolve)));
  },
  stdoutFailure: () => writeFailure,
  tuneProcessForEngine: relaunchTunedForEngine,
  onInterrupt: (summary) => {
    const interrupted = () => {
      process.stderr.write(summary());
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    return () => process.off('SIGINT', interrupted);
  },
};

/** A flag problem: the message names the flag; the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  let parsed;
  const args = joinFreeTextValues(argv, options);
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals, tokens: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(flagProblemMessage(message, args, options));
  }
  refuseRepeatedValues(parsed.tokens, options);
  const { tokens: _tokens, ...rest } = parsed;
  return rest;
}

/**
 * A flag that takes one value, given more than once: parseArgs keeps the last without a word, so `--endpoint a
 * --endpoint b` read as b alone. Repeatable flags (`multiple`) and booleans are left alone.
 */
function refuseRepeatedValues(tokens: ReturnType<typeof parseArgs>['tokens'], options: Options): void {
  const given = new Map<string, string[]>();
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || token.value === undefined || options[token.name]?.multiple) continue;
    given.set(token.name, [...(given.get(token.name) ?? []), token.value]);
  }
  for (const [name, values] of given)
    if (values.length > 1)
      throw new UsageError(
        `--${name}: given more than once (${shownValues(name, values)}); it takes one value`,
      );
}

/** The values of a repeated flag as the error quotes them: a secret's (`--secret`) are counted, never shown. */
function shownValues(name: string, values: string[]): string {
  return secretName.test(name)
    ? `${values.length} values, not shown`
    : values.map((v) => JSON.stringify(v)).join(', ');
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
  // Digits only: Number() reads "" as 0 (an unset `--receiver-port "$PORT"` would pick a random port), "0x1f90" as
  // 8080 and "1e3" as 1000.
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** `2026-11-24`, `2026-11-24T10:00`, `2026-11-24 10:00:05.5`, each with an optional `Z` or `±hh:mm`. */
const isoTime = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO time as the app's time filter reads one: local unless it names its zone, a date alone being local midnight
 * (JavaScript reads it as UTC midnight, hours away from a date-time on the same day); with `end`, through the end of
 * the day, minute, second or fraction of one written, as the app's "To" box includes its whole minute.
 */
function parseIsoTime(value: string, end: boolean): number {
  const match = isoTime.exec(value);
  if (!match) return NaN;
  const [, date, minute, seconds, zone] = match;
  // Date.parse rolls a day the month does not have over into the next (Feb 30 → Mar 2): refuse it instead.
  const [year, month, day] = date!.split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return NaN;
  const start = Date.parse(`${date}T${minute ?? '00:00'}${seconds ?? ''}${zone ?? ''}`);
  if (!end || Number.isNaN(start)) return start;
  // A whole second includes its milliseconds: the app and `tail` show 10:00:05.412, which an --until of 10:00:05 holds.
  // So does a tenth or hundredth (05.4 holds 05.499); from the millisecond on, the one written (Date.parse truncates).
  if (seconds !== undefined) {
    const fractionDigits = seconds.includes('.') ? seconds.length - ':ss.'.length : 0;
    return fractionDigits >= 3 ? start : start + 10 ** (3 - fractionDigits) - 1;
  }
  if (minute !== undefined) {
    // A local minute the clocks go back over happens twice: the To box ends with its second occurrence.
    return zone === undefined ? localMinuteEnd(`${date}T${minute}`) : start + 59_999;
  }
  const next = new Date(start);
  // The next midnight, read in the same zone; a day is not always 24 hours where the clocks change.
  if (zone === undefined) next.setDate(next.getDate() + 1);
  else next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - 1;
}

/**
 * `2026-11-01T10:00:00Z`, a Unix time in ms, or a duration back from now: `90s`, `15m`, `2h`, `7d`. With `end` (an
 * `--until`), a time written to the day, minute or second includes all of it.
 */
export function timeFlag(
  value: string | undefined,
  flag: string,
  nowMs: number,
  end = false,
): number | undefined {
  if (value === undefined) return undefined;
  const duration = /^(\d+)(s|m|h|d)$/.exec(value);
  if (duration) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2] as 's' | 'm' | 'h' | 'd'];
    return nowMs - Number(duration[1]) * unit;
  }
  if (/^\d+$/.test(value)) return Number(value);
  const parsed = parseIsoTime(value, end);
  if (Number.isNaN(parsed))
    throw new UsageError(`${flag}: expected an ISO time, epoch ms or a duration like 2h, got "${value}"`);
  return parsed;
}

/**
 * The file a flag names, `-` being stdin as in curl and most tools; a missing or unreadable one is a flag problem
 * (`--data-file: cannot read /x: ENOENT …`).
 */
export function readFlagFile(path: string, flag: string): Buffer {
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${flag}: cannot read ${path === '-' ? 'stdin' : path}: ${message}`);
  }
}
