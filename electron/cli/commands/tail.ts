import type { CaptureSummary } from '../../shared/contract/index';
import { openStores } from '../../engine/store/open-stores';
import { systemClock } from '../../engine/util/clock';
import { existingDataDir } from '../data-dir-flag';
import { filterFlagOptions, filterFlagUsage, toFilter } from '../filter-flags';
import { intFlag, parseFlags, type CliIo } from '../io';

export const tailUsage = `Usage: hookscope tail [options]

Streams new captures to the terminal as they are stored (works beside a running app: it reads the database).

Options:
  --data-dir DIR        the database to follow (default: $HOOKSCOPE_DATA_DIR or ~/.config/Hookscope)
  --json                one JSON object per line (full capture: headers and body as base64)
  --last N              first print the N newest existing captures (default 0)
  --interval MS         how often to look for new rows (default 200)
  --exit-after N        stop after printing N captures, --last ones included (scripts and tests)
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

export function formatPretty(c: CaptureSummary, colour: boolean): string {
  const paint = (code: string, text: string) => (colour ? `${code}${text}${colours.reset}` : text);
  const time = new Date(c.receivedAtMs).toISOString().slice(11, 23);
  const status = c.responseStatus === null ? '---' : String(c.responseStatus);
  const statusColour =
    c.responseStatus === null || c.responseStatus >= 500
      ? colours.red
      : c.responseStatus >= 400
        ? colours.yellow
        : colours.green;
  const url = c.path + (c.query ? `?${c.query}` : '');
  const source = c.vendor ? `  ${c.vendor}${c.eventLabel ? ` · ${c.eventLabel}` : ''}` : '';
  // Paths and labels come from senders: strip control characters so they cannot drive the terminal.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
  return (
    `${paint(colours.dim, time)}  ${c.method.padEnd(7)} ${clean(url)}  ${paint(statusColour, status)}  ` +
    `${c.bodySizeBytes} B  ${c.contentType ?? '-'}${c.truncated ? '  [truncated]' : ''}${paint(colours.cyan, clean(source))}  #${c.id}`
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
  const stores = openStores({
    dataDir: existingDataDir(values['data-dir']),
    clock: systemClock,
    // The app files what it acknowledged, with its annotators (vendor labels, verification).
    filing: 'never',
  });
  const filter = toFilter(values, stores.endpoints, Date.now());
  const colour = !values.json && process.stdout.isTTY === true;
  let printed = 0;
  const print = (c: CaptureSummary) => {
    io.stdout((values.json ? JSON.stringify(stores.captures.get(c.id)) : formatPretty(c, colour)) + '\n');
    printed++;
  };
  const newest = stores.captures.list({ limit: 1 }).items[0]?.id ?? 0;
  // --exit-after counts every capture printed, these too: the output is the first N of what tail would print.
  if (last > 0)
    for (const c of stores.captures.list({ filter, limit: last }).items.reverse().slice(0, exitAfter))
      print(c);
  let seen = newest;
  if (!values.json) io.stderr(`following ${stores.db.name} — Ctrl+C to stop\n`);
  try {
    while (printed < exitAfter && !signal?.aborted) {
      // Newest first from the store; print oldest first. Only rows above the last seen id.
      const batch: CaptureSummary[] = [];
      let cursor: number | null = null;
      for (;;) {
        const page = stores.captures.list({ filter: { ...filter, text: undefined }, cursor, limit: 500 });
        const fresh = page.items.filter((c) => c.id > seen);
        batch.push(...fresh);
        if (fresh.length < page.items.length || page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      const matching = filter.text ? matchText(stores, filter, batch) : batch;
      for (const c of matching.reverse()) {
        if (printed >= exitAfter) break;
        print(c);
      }
      if (batch.length) seen = Math.max(seen, ...batch.map((c) => c.id));
      if (printed >= exitAfter) break;
      await new Promise((r) => setTimeout(r, interval));
    }
  } finally {
    stores.captures.close();
    stores.db.close();
  }
  return 0;
}

/** Text search needs the index, which may lag; search the new rows' stored text directly instead. */
function matchText(
  stores: ReturnType<typeof openStores>,
  filter: { text?: string },
  batch: CaptureSummary[],
) {
  const needle = (filter.text ?? '').toLowerCase();
  return batch.filter((c) => {
    const detail = stores.captures.get(c.id);
    const body = Buffer.from(detail.decodedBodyBase64 ?? detail.bodyBase64, 'base64').toString('utf8');
    const haystack = [
      c.path,
      decodedOrSame(c.path),
      c.query,
      decodedOrSame(c.query.replace(/\+/g, ' ')),
      ...detail.headers.flat(),
      // Content-Encoding undone (gzip, br…), as export's search and the UI read it.
      body,
      decodedOrSame(body.replace(/\+/g, ' ')),
      c.vendor ?? '',
      c.eventLabel ?? '',
    ]
      .join('\n')
      .toLowerCase();
    return haystack.includes(needle);
  });
}

function decodedOrSame(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
