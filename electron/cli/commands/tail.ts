import type Database from 'better-sqlite3';
import type { CaptureFilter, CaptureSummary } from '../../shared/contract/index';
import { jsonCapture } from '../../engine/captures/export';
import { headerValueText } from '../../shared/decode/header-text';
import { largeBodiesPendingAfter } from '../../engine/decode/large-body-pending';
import { openReaderStores } from '../../engine/store/open-reader-stores';
import { wantsColour } from '../colour';
import { existingDataDir } from '../data-dir-flag';
import { filterFlagOptions, filterFlagUsage, toFilter } from '../filter-flags';
import { intFlag, parseFlags, UsageError, type CliIo } from '../io';
import { withC1Escaped } from '../json-text';
import { restoreWatcher } from './tail-restores';
import { querySuffix } from '../../shared/send/query-suffix';

export const tailUsage = `Usage: hookscope tail [options]

Streams new captures to the terminal as they are stored (works beside a running app: it reads the database).
Captures brought back by undoing a delete are printed again when they return, marked [restored] ("restored": true
with --json).
With --search it matches as the app's search does (the app's full-text index, decoded field labels included), so a
new capture is printed once the app has indexed it, moments after it arrives.
With --until a time ahead, it stops (exit 0) once that time has passed and what arrived by then has been printed.

Options:
  --data-dir DIR        the database to follow (default: $HOOKSCOPE_DATA_DIR or ~/.config/Hookscope)
  --json                one JSON object per line (full capture: headers and body as base64)
  --last N              first print the N newest existing captures that match (default 0)
  --interval MS         how often to look for new rows (default 200)
  --exit-after N        stop after printing N captures, --last ones included (scripts and tests; default never)
${filterFlagUsage}  -h, --help            show this help
`;

const colours = {
  dim: '\x1b[2m',
  reset: '\x1b[0m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  red: '\x1b[31m',
  cyan: '\x1b[36m',
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Local time, as the app's list shows it: 23:51:57.480 today, with the date before it from another day. UTC without a
 * zone read as a time hours away from the app's, and a capture from days ago as one from today.
 */
function localTime(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  if (d.toDateString() === new Date(nowMs).toDateString()) return clock;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock}`;
}

export function formatPretty(c: CaptureSummary, colour: boolean, nowMs = Date.now()): string {
  const paint = (code: string, text: string) => (colour ? `${code}${text}${colours.reset}` : text);
  const time = localTime(c.receivedAtMs, nowMs);
  const status = c.responseStatus === null ? '---' : String(c.responseStatus);
  const statusColour =
    c.responseStatus === null || c.responseStatus >= 500
      ? colours.red
      : c.responseStatus >= 400
        ? colours.yellow
        : colours.green;
  const url = c.path + querySuffix(c);
  const source = c.vendor ? `  ${c.vendor}${c.eventLabel ? ` · ${c.eventLabel}` : ''}` : '';
  // Methods, paths, content types and labels come from senders: strip control characters so they cannot drive the
  // terminal, and bidirectional overrides and isolates so they cannot reorder the line (a path shown as another).
  const clean = (s: string) =>
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '�');
  return (
    `${paint(colours.dim, time)}  ${clean(c.method).padEnd(7)} ${clean(url)}  ${paint(statusColour, status)}  ` +
    `${c.bodySizeBytes} B  ${clean(c.contentType === null ? '-' : headerValueText(c.contentType).text)}${c.truncated ? '  [truncated]' : ''}${paint(colours.cyan, clean(source))}  #${c.id}`
  );
}

export async function run(argv: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const { values } = parseFlags(argv, {
    'data-dir': { type: 'string' },
    json: { type: 'boolean' },
    last: { type: 'string' },
    interval: { type: 'string' },
    'exit-after': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...filterFlagOptions,
  });
  if (values.help) {
    io.stdout(tailUsage);
    return 0;
  }
  const last = intFlag(values.last, '--last', 0, 0, 10_000);
  const interval = intFlag(values.interval, '--interval', 200, 10, 60_000);
  const exitAfter =
    values['exit-after'] === undefined
      ? Infinity
      : intFlag(values['exit-after'], '--exit-after', 1, 1, 1_000_000);
  const stores = openReaderStores(existingDataDir(values['data-dir']));
  const closeStores = () => {
    stores.captures.close();
    stores.db.close();
  };
  let filter: CaptureFilter;
  try {
    filter = toFilter(values, stores, Date.now());
  } catch (error) {
    closeStores();
    throw error;
  }
  // A passed --until: no capture arriving from now on can match, so there is nothing to follow.
  const untilPassed = filter.toMs !== undefined && filter.toMs < Date.now();
  if (last === 0 && untilPassed) {
    closeStores();
    throw new UsageError(
      `--until ${values.until}: that time has passed, so no capture arriving from now on can match and tail would ` +
        'wait in silence; add --last N to print the newest earlier ones, or use hookscope export',
    );
  }
  const colour = !values.json && wantsColour(process.env, process.stdout.isTTY === true);
  let printed = 0;
  // Stop once the reader has gone (`| head -1`) as once --exit-after is reached.
  const done = () => printed >= exitAfter || signal?.aborted === true || io.stdoutClosed?.aborted === true;
  const print = async (c: CaptureSummary, restored = false) => {
    const mark = restored ? { restored: true } : {};
    // The app may delete a listed capture while tail waits for stdout: it is left out, as export does.
    const detail = values.json ? stores.captures.getIfPresent(c.id) : null;
    if (values.json && detail === null) return;
    io.stdout(
      (detail
        ? withC1Escaped(JSON.stringify({ ...jsonCapture(detail, null), ...mark }))
        : formatPretty(c, colour) + (restored ? '  [restored]' : '')) + '\n',
    );
    printed++;
    await io.drain?.();
  };
  const newestFiled = () => stores.captures.list({ limit: 1 }).items[0]?.id ?? 0;
  /**
   * Captures up to this id can be answered now. Without --search, every filed one. With it, the search is the app's
   * own (`captures.list` with the text filter: the full-text index, with its word splitting and the decoder's field
   * labels), so only captures the app has indexed: the app files and indexes them moments after they arrive, in id
   * order, and records how far it got. This process never indexes (it has no decoder to add the labels).
   */
  const answerableUpTo = () => {
    const filed = newestFiled();
    const upTo = filter.text ? Math.min(filed, stores.captures.indexer.indexedUpTo()) : filed;
    // A large or compressed body is labelled moments after filing: with --vendor, wait for that before moving past it.
    const labelsPendingAfter = filter.vendor === undefined ? null : largeBodiesPendingAfter(stores.db);
    return labelsPendingAfter === null ? upTo : Math.min(upTo, labelsPendingAfter);
  };
  /** The captures matching the filter with ids in (above, through], oldest first. */
  const matching = (above: number, through: number): CaptureSummary[] => {
    const found: CaptureSummary[] = [];
    let cursor: number | null = through + 1;
    while (cursor !== null) {
      // Newest first from the store (keyset below the cursor); stop at the first row already seen. No more than
      // `through - above` rows can be new, so a common word does not read a page of old matches every time.
      const page = stores.captures.list({ filter, cursor, limit: Math.min(500, through - above) });
      const fresh = page.items.filter((c) => c.id > above);
      found.push(...fresh);
      if (fresh.length < page.items.length) break;
      cursor = page.nextCursor;
    }
    return found.reverse();
  };
  /**
   * --until has passed and no capture received by then still waits for the app to file and index it: none arriving
   * from now on can match. Taken before a poll, so that poll still prints the last ones.
   */
  const untilMs = filter.toMs;
  const windowEnded = () => {
    if (untilMs === undefined) return false;
    const now = Date.now();
    if (now <= untilMs) return false;
    const waiting = stores.captures.indexer.progress();
    return waiting.lagRows === 0 || now - waiting.lagMs > untilMs;
  };
  const restores = restoreWatcher(stores.db);
  /** Restored ids not printed yet. */
  const restored = new Set<number>();
  /** A restored capture, if it matches the filter. */
  const restoredMatch = (id: number) =>
    stores.captures.list({ filter, cursor: id + 1, limit: 1 }).items.find((c) => c.id === id);
  // Before anything is written, while the reader is surely there: it is then known to look for (on a Linux pipe).
  io.checkStdoutReader?.();
  try {
    // --last shows the newest matches up to here and following everything after it, so no capture is printed twice or
    // skipped. With --search and no --last, what was already stored but not yet indexed is not new: start after it.
    let seen = last > 0 ? answerableUpTo() : newestFiled();
    if (last > 0) {
      const items = stores.captures.list({ filter, cursor: seen + 1, limit: last }).items.reverse();
      // --exit-after counts every capture printed, these too: the output is the first N of what tail would print.
      for (const c of items) {
        if (done()) break;
        await print(c);
      }
    }
    if (untilPassed) return 0;
    if (!values.json && !done()) io.stderr(`following ${stores.db.name} — Ctrl+C to stop\n`);
    const stalled = stalledAppNotice(() => stores.captures.stats().indexLagRows, io);
    const endpointGone = deletedEndpointNotice(stores.db, filter.endpointId, values.endpoint, io);
    while (!done()) {
      stalled.check();
      endpointGone.check();
      const ended = windowEnded();
      const through = answerableUpTo();
      for (const id of restores.restoredSince()) restored.add(id);
      // Those above `seen` (deleted before this tail saw them) come in the run of new ones below.
      for (const id of restored) {
        if (done() || id > seen) continue;
        restored.delete(id);
        const c = restoredMatch(id);
        if (c) await print(c, true);
      }
      if (through > seen) {
        for (const c of matching(seen, through)) {
          if (done()) break;
          await print(c, restored.delete(c.id));
        }
        seen = through;
      }
      // With nothing more to write, a reader that has gone would otherwise be noticed only at the next capture.
      io.checkStdoutReader?.();
      if (done()) break;
      if (ended && untilMs !== undefined) {
        io.stderr(
          `--until ${new Date(untilMs).toISOString()} has passed: no capture arriving from now on can match, so tail stops\n`,
        );
        break;
      }
      await new Promise((r) => setTimeout(r, interval));
    }
  } finally {
    closeStores();
  }
  return 0;
}

/**
 * Says once, on stderr, when the endpoint followed is deleted (in the app, the CLI or the API): requests to its path go
 * to another endpoint from then on, so nothing more can match and tail would otherwise wait in silence.
 */
function deletedEndpointNotice(
  db: Database.Database,
  endpointId: number | null | undefined,
  flag: string | undefined,
  io: CliIo,
) {
  // The reader's endpoint list is read once at start; the table is asked instead.
  const exists = endpointId == null ? null : db.prepare('SELECT 1 FROM endpoints WHERE id = ?');
  let told = false;
  return {
    check() {
      if (!exists || told || exists.get(endpointId) !== undefined) return;
      io.stderr(
        `--endpoint ${flag}: this endpoint was deleted, so requests to its path now go to another endpoint and none ` +
          'can match; tail keeps waiting (Ctrl+C to stop)\n',
      );
      told = true;
    },
  };
}

/**
 * Says once, on stderr, when captures have been waiting for the app to file and index them for a few seconds without
 * it making progress: tail shows only what the app has filed (and, with --search, indexed), so with the app stopped it
 * would otherwise wait in silence.
 */
function stalledAppNotice(lagRows: () => number, io: CliIo, afterMs = 3000) {
  let lastLag = 0;
  let since = Date.now();
  let told = false;
  let checkedAt = 0;
  return {
    check() {
      const now = Date.now();
      if (now - checkedAt < 500) return;
      checkedAt = now;
      const lag = lagRows();
      if (lag === 0 || lag < lastLag) {
        told = lag === 0 ? false : told;
        since = now;
      } else if (!told && now - since >= afterMs) {
        io.stderr(
          `${lag} capture(s) are waiting for the app to file and index them; they are shown once it has (is Hookscope running on this data folder?)\n`,
        );
        told = true;
      }
      lastLag = lag;
    },
  };
}
