import { exportCaptures } from '../../engine/captures/export';
import { openReaderStores } from '../../engine/store/open-reader-stores';
import { appVersion } from '../../engine/version';
import { exportFormat } from '../../shared/contract/index';
import { catchUpSearchIndex } from '../catch-up-search-index';
import { existingDataDir } from '../data-dir-flag';
import { filterFlagOptions, filterFlagUsage, toFilter } from '../filter-flags';
import { intFlag, parseFlags, UsageError, type CliIo } from '../io';
import { withC1Escaped } from '../json-text';
import { jsonExportFraming } from '../../engine/captures/export-stream';

export const exportUsage = `Usage: hookscope export [options] > file

Writes captures (newest first) to stdout as JSONL (default), HAR 1.2, JSON or a cURL script.

Options:
  --data-dir DIR        the database to read (default: $HOOKSCOPE_DATA_DIR or ~/.config/Hookscope)
  --format F            jsonl | har | json | curl (default jsonl)
  --limit N             at most N captures (default 100000)
  --no-redact           keep Authorization, cookies, API keys and signatures (redacted by default for sharing)
  --base-url URL        the URL captures are shown under in HAR/cURL (default http://127.0.0.1:8787)
${filterFlagUsage}  -h, --help            show this help
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, {
    'data-dir': { type: 'string' },
    format: { type: 'string' },
    limit: { type: 'string' },
    'no-redact': { type: 'boolean' },
    'base-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...filterFlagOptions,
  });
  if (values.help) {
    io.stdout(exportUsage);
    return 0;
  }
  const format = exportFormat.safeParse(values.format ?? 'jsonl');
  if (!format.success)
    throw new UsageError(
      `--format: expected one of ${exportFormat.options.join(', ')}, got "${values.format}"`,
    );
  const limit = intFlag(values.limit, '--limit', 100_000, 1, 10_000_000);
  const dataDir = existingDataDir(values['data-dir']);
  const stores = openReaderStores(dataDir);
  try {
    const filter = toFilter(values, stores, Date.now());
    const unsearchable = filter.text ? catchUpSearchIndex(stores, dataDir) : 0;
    if (unsearchable > 0)
      io.stderr(
        `${unsearchable} capture(s) are not indexed yet by the running app and were not searched; run the export again shortly to include them\n`,
      );
    const ids = stores.captures.ids(filter, limit);
    const base = baseUrl(values['base-url']);
    let written = 0;
    const redact = values['no-redact'] ? null : stores.endpoints.secretNames();
    if (format.data === 'curl') {
      // The script's first line depends on every command (bash for $'…'), so it is built whole.
      const captures = ids.flatMap((id) => stores.captures.getIfPresent(id) ?? []);
      written = captures.length;
      io.stdout(exportCaptures(captures, 'curl', base, redact, appVersion).content);
    } else {
      // One capture at a time, waiting for stdout between them: the whole export may not fit in memory or a string.
      // JSON leaves C1 control characters raw; escaped, they cannot drive a terminal.
      const framing = jsonExportFraming(format.data, redact, base, appVersion);
      io.stdout(framing.open);
      for (const id of ids) {
        if (io.stdoutClosed?.aborted) break;
        // The app may delete a capture while the export waits for stdout: leave it out, the file stays valid.
        const capture = stores.captures.getIfPresent(id);
        if (capture === null) continue;
        io.stdout(withC1Escaped(framing.item(capture, written)));
        written++;
        await io.drain?.();
      }
      // A text file for the terminal and line tools ends with a newline (JSONL's last item already does).
      io.stdout(framing.close(written) + (format.data === 'jsonl' ? '' : '\n'));
    }
    await io.flush?.();
    // Not when the writes failed (a full disk): `main` says so instead. Nor when the reader went away (`| head -1`):
    // what it read is not known, and the count written before that was noticed is not it.
    if (!io.stdoutFailure?.() && !io.stdoutClosed?.aborted)
      io.stderr(`exported ${written} capture(s) as ${format.data}\n`);
    // The default --limit is large, but a full export that quietly stops at it looks complete.
    const beyondLimit = ids.length === limit ? stores.captures.count(filter) - limit : 0;
    if (beyondLimit > 0)
      io.stderr(
        `${beyondLimit} more capture(s) match but are not in this export (--limit ${limit}); raise --limit to include them\n`,
      );
    const missing = io.stdoutClosed?.aborted ? 0 : ids.length - written;
    if (missing > 0) io.stderr(`${missing} capture(s) were deleted during the export and are not in it\n`);
    // Acknowledged captures the app has not filed yet (it is behind, or was killed) are not readable here.
    const { waiting } = stores.db.prepare('SELECT COUNT(*) AS waiting FROM capture_inbox').get() as {
      waiting: number;
    };
    // Counted unfiltered: an endpoint, vendor or search match is known only once the app has filed a capture.
    const filtered = Object.keys(filter).length > 0;
    if (waiting > 0)
      io.stderr(
        filtered
          ? `${waiting} capture(s) in all, matching these filters or not, are waiting for the app to file them; any that match are not in this export (start Hookscope on this data folder to file them)\n`
          : `${waiting} capture(s) are waiting for the app to file them and are not in this export (start Hookscope on this data folder to file them)\n`,
      );
  } finally {
    stores.captures.close();
    stores.db.close();
  }
  return 0;
}

function baseUrl(flag: string | undefined): string {
  if (flag === undefined) return 'http://127.0.0.1:8787';
  let url: URL;
  try {
    url = new URL(flag);
  } catch {
    throw new UsageError(
      `--base-url: expected an http(s) URL such as https://hooks.example.com, got "${flag}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--base-url: expected an http(s) URL, got "${flag}"`);
  // Each capture's path and query are written after the base: one of its own would end up before them.
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(flag))
    throw new UsageError(
      `--base-url: give it without a query or fragment (captures' paths and queries follow it), got "${flag}"`,
    );
  return flag.replace(/\/+$/, '');
}
