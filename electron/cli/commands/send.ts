import { isTerminal } from '../../engine/delivery/delivery-store';
import { bulkEnded, formatAttempt, HeadlessDelivery } from '../../engine/delivery/headless';
import { DEFAULT_TIMEOUT_MS } from '../../engine/delivery/new-delivery';
import {
  bulkFieldsNotColumns,
  deliveryMethods,
  deliveryPolicy,
  httpUrl,
  outgoingHeaders,
  httpMethodName,
  sendInput,
} from '../../shared/contract/delivery';
import type { HeaderPair } from '../../shared/contract/captures';
import { ApiError } from '../../shared/contract/errors';
import { signingConfig, signingSchemes } from '../../shared/send/signing-config';
import { contentTypeHeaderFor, userContentType } from '../../shared/send/content-type';
import { headerByteString, utf8DecodeStrict } from '../../shared/send/bytes';
import { contentTypeFillNote } from '../../shared/send/content-type-fill-note';
import { contentLengthWarning } from '../content-length-warning';
import { intFlag, parseFlags, readFlagFile, UsageError, type CliIo } from '../io';
import { dataFlagBody } from '../data-flag';
import {
  ontraportSettingsFlags,
  ontraportSettingsFromFlags,
  ontraportSettingsUsage,
} from '../ontraport-settings-flags';
import { unsendableMethod } from '../../shared/send/unsendable-method';
import { contractInput } from '../contract-input';
import { rowsFormat } from '../rows-format';
import { rowsText } from '../../shared/send/rows-text';
import { watchStdoutReader } from '../stdout-reader-watch';
import {
  AttemptTally,
  bulkInterrupted,
  deliveryInterrupted,
  rowsReadInterrupted,
} from '../interrupted-summary';

const rowsWord = (n: number) => (n === 1 ? 'row' : 'rows');

export const sendUsage = `Usage: hookscope send <url> [options]

Sends one webhook (or one per row of a data file) with a platform's retry policy and prints every attempt:
time, status, duration and the wait before the next one. Exits 1 when a delivery finally fails.
Runs the delivery engine in memory: no receiver and no data directory are needed, and nothing is kept.

Options:
  -X, --request METHOD     HTTP method (default POST with a body, else GET)
  -H, --header 'N: v'      add a header (repeatable); as in curl, 'N:' sends no N header at all (-H 'Content-Type:'
                           sends no Content-Type; Content-Length is always the body's length) and 'N;' sends N
                           with an empty value
  -d, --data BODY          the body (with --rows: a template with [Merge Fields] and {{columns}}); as in curl,
                           @file reads it from a file and @- from stdin, without carriage returns and newlines
                           (a BODY, header or --secret starting with - is taken as given: -d -1)
      --data-file F        read the body's exact bytes from a file (- reads stdin)
      --content-type T     Content-Type (default: detected from the body — form, JSON, XML, else text;
                           application/octet-stream when the body is not UTF-8); '' sends none
      --policy P           ortto | ontraport | standard | none (default none)
${ontraportSettingsUsage}
                           (these two only with --policy ontraport)
      --time-scale N       multiply every wait: 0.001 turns 5 min into 0.3 s (default 1)
      --rate N/min         at most N requests per minute to the destination (also N/s; default no limit)
      --rows F.csv|F.json  send once per row; URL, headers and body are templates (another name, or - for
                           stdin: JSON when it starts with [ or {, else CSV)
      --fields-not-columns refuse | send-as-typed
                           a [Field] that is no column of the rows: refuse the send (default), or send it as typed
      --sign SCHEME        ${signingSchemes.filter((s) => s !== 'none').join(' | ')}
      --secret S           the signing secret
      --timeout MS         per-attempt timeout (default ${DEFAULT_TIMEOUT_MS})
  -h, --help               show this help
`;

/** The most requests per minute a delivery may set (`ratePerMinute` in the API). */
const MAX_RATE_PER_MINUTE = 6_000_000;

/** A plain decimal: digits with an optional fraction, or a fraction alone (.5 is 0.5). */
const PLAIN_DECIMAL = /\d+(?:\.\d+)?|\.\d+/.source;
const RATE = new RegExp(`^(${PLAIN_DECIMAL})(?:/(min|m|s|sec))?$`);
const DECIMAL = new RegExp(`^(?:${PLAIN_DECIMAL})$`);

export function parseRate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = RATE.exec(value.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!m || !(n > 0))
    throw new UsageError(
      `--rate: expected a number of requests per minute like 60/min or 5/s, got "${value}"`,
    );
  const perMinute = m[2] === 's' || m[2] === 'sec' ? n * 60 : n;
  if (perMinute > MAX_RATE_PER_MINUTE)
    throw new UsageError(
      `--rate: at most ${MAX_RATE_PER_MINUTE.toLocaleString('en-US')}/min (${(MAX_RATE_PER_MINUTE / 60).toLocaleString('en-US')}/s), got "${value}"`,
    );
  return perMinute;
}

export function parseNumber(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  if (value === undefined) return undefined;
  if (integer) return intFlag(value, flag, 0, min, max);
  const n = Number(value);
  // Plain decimals only: Number() also reads "0x10" as 16, "1e-3" as 0.001 and " 2" as 2.
  if (!DECIMAL.test(value) || n < min || n > max)
    throw new UsageError(`${flag}: expected a decimal number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** The flag a field of `deliveries.send` or `bulk.start` comes from, for a message about its value. */
function flagOfField(path: PropertyKey[]): string {
  const [top, inner] = path;
  if (top === 'template' || top === 'request') {
    if (inner === 'url') return '<url>';
    if (inner === 'headers') return '--header';
    if (inner === 'method') return '--request';
    return '--data';
  }
  const flags: Record<string, string> = {
    rows: '--rows',
    ratePerMinute: '--rate',
    timeScale: '--time-scale',
    timeoutMs: '--timeout',
    signing: '--sign',
  };
  return flags[String(top)] ?? String(top);
}

/**
 * The delivery service's refusal of a bulk start names the field (`template.body: [Name] is not a column…`, `rows: no
 * data rows`): said as a problem with the flag it came from, as contractInput says the schema's, and for the rows
 * with the file they were read from (`--rows: F: no data rows`), as an empty file is (`--rows: F is empty`).
 */
function bulkRefusalAsFlagProblem(error: unknown, bodyFlag: string, rowsFile: string): unknown {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return error;
  const field = /^((?:template|rows)(?:\.\w+)*): ([\s\S]*)$/.exec(error.message);
  if (!field) return error;
  const flag = flagOfField(field[1]!.split('.'));
  if (flag === '--rows') return new UsageError(`--rows: ${rowsFile}: ${field[2]}`);
  return new UsageError(`${flag === '--data' ? bodyFlag : flag}: ${field[2]}`);
}

/** `-H` values as curl reads them: `N: v` adds a header, `N:` leaves N out entirely (`omitted`), `N;` sends it empty. */
function parseHeaders(values: string[]): { headers: HeaderPair[]; omitted: Set<string> } {
  const headers: HeaderPair[] = [];
  const omitted = new Set<string>();
  for (const raw of values) {
    const at = raw.indexOf(':');
    if (at < 0 && /^[^;]+;\s*$/.test(raw)) {
      headers.push([raw.slice(0, raw.indexOf(';')).trim(), '']);
      continue;
    }
    if (at <= 0) throw new UsageError(`--header: expected 'Name: value', got "${raw}"`);
    const [name, value] = [raw.slice(0, at).trim(), raw.slice(at + 1).trim()];
    if (value === '') omitted.add(name.toLowerCase());
    else headers.push([name, value]);
  }
  const checked = outgoingHeaders.safeParse([...headers, ...[...omitted].map((n): HeaderPair => [n, 'x'])]);
  if (!checked.success)
    throw new UsageError(`--header: ${checked.error.issues[0]?.message ?? 'malformed header'}`);
  return { headers: headers.filter(([n]) => !omitted.has(n.toLowerCase())), omitted };
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      request: { type: 'string', short: 'X' },
      header: { type: 'string', short: 'H', multiple: true },
      data: { type: 'string', short: 'd' },
      'data-file': { type: 'string' },
      'content-type': { type: 'string' },
      policy: { type: 'string' },
      ...ontraportSettingsFlags,
      'time-scale': { type: 'string' },
      rate: { type: 'string' },
      rows: { type: 'string' },
      'fields-not-columns': { type: 'string' },
      sign: { type: 'string' },
      secret: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout(sendUsage);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length ? `expected one <url>, got ${positionals.length}` : 'missing <url>',
    );
  const url = positionals[0]!;
  if (values.data !== undefined && values['data-file'] !== undefined)
    throw new UsageError('--data and --data-file: use one of them');
  if (values.rows === '-' && (values.data === '@-' || values['data-file'] === '-'))
    throw new UsageError(
      `--rows - and ${values.data === '@-' ? '--data @-' : '--data-file -'}: stdin can be read only once; give one of them as a file`,
    );
  const body =
    values['data-file'] !== undefined
      ? readFlagFile(values['data-file'], '--data-file')
      : dataFlagBody(values.data ?? '');
  const method = (values.request ?? (body.length > 0 ? 'POST' : 'GET')).toUpperCase();
  if (!httpMethodName.safeParse(method).success)
    throw new UsageError(`--request: ${unsendableMethod(method) ?? `malformed method "${values.request}"`}`);
  const policy = deliveryPolicy.safeParse(values.policy ?? 'none');
  if (!policy.success || policy.data === 'custom')
    throw new UsageError(`--policy: expected ortto, ontraport, standard or none, got "${values.policy}"`);
  const ontraport = ontraportSettingsFromFlags(
    values,
    policy.data === 'ontraport' ? null : `only with --policy ontraport, not ${policy.data}`,
  );
  // Both set the destination's rate; the delivery would keep only one.
  if (ontraport?.requestsPerMinute !== undefined && values.rate !== undefined)
    throw new UsageError('--requests-per-minute: sets the same rate as --rate; give only one of them');
  const { headers, omitted } = parseHeaders(values.header ?? []);
  if (values['content-type'] !== undefined) {
    for (let i = headers.length - 1; i >= 0; i--)
      if (headers[i]![0].toLowerCase() === 'content-type') headers.splice(i, 1);
    if (values['content-type'].trim() === '') omitted.add('content-type');
    else {
      omitted.delete('content-type');
      headers.push(['Content-Type', values['content-type']]);
    }
  }
  let signing;
  if (values.sign !== undefined || values.secret !== undefined) {
    const schemes = signingSchemes.filter((s) => s !== 'none').join(', ');
    if (values.sign === undefined)
      throw new UsageError(`--secret: only applies with --sign (${schemes}); nothing would be signed`);
    if (!(signingSchemes as readonly string[]).includes(values.sign))
      throw new UsageError(`--sign: expected one of ${schemes}, got "${values.sign}"`);
    const parsed = signingConfig.safeParse({ scheme: values.sign, secret: values.secret ?? '' });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(
        `${issue?.path[0] === 'secret' ? '--secret' : '--sign'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    signing = parsed.data;
  }
  const options = {
    policy: policy.data,
    ontraport,
    timeScale: parseNumber(values['time-scale'], '--time-scale', 0.000001, 1000),
    ratePerMinute: parseRate(values.rate),
    timeoutMs: parseNumber(values.timeout, '--timeout', 1, 600_000, true),
    signing,
  };

  const fieldsNotColumns = bulkFieldsNotColumns.safeParse(values['fields-not-columns'] ?? 'refuse');
  if (!fieldsNotColumns.success)
    throw new UsageError(
      `--fields-not-columns: expected refuse or send-as-typed, got "${values['fields-not-columns']}"`,
    );

  const tally = new AttemptTally();
  // `send … | head -1`: once the reader has gone, retrying on would only send for no one to see.
  const reader = watchStdoutReader(io);
  const engine = new HeadlessDelivery((line) => {
    tally.note(line);
    io.stdout(formatAttempt(line));
  });
  let stopListening = () => {};
  try {
    if (values.rows !== undefined) {
      // Merge fields are filled in text: bytes that are not UTF-8 would go out as U+FFFD in every row.
      const templateBody = utf8DecodeStrict(body);
      if (templateBody === null)
        throw new UsageError(
          `${values['data-file'] !== undefined ? '--data-file' : '--data'}: with --rows the body is a template, ` +
            'and this one is not UTF-8 text (send bytes as they are without --rows)',
        );
      const template = {
        method,
        url,
        headers,
        body: templateBody,
        ...(omitted.has('content-type') ? { contentType: false } : {}),
      };
      const rowsFile = values.rows === '-' ? 'stdin' : values.rows;
      const read = rowsText(readFlagFile(values.rows, '--rows'));
      if ('error' in read) throw new UsageError(`--rows: ${rowsFile}: ${read.error}`);
      const content = read.text;
      // Parsing a large file takes seconds: a Ctrl+C meanwhile ends it as one while sending does. (The read itself is
      // left to the default Ctrl+C: a listener could not run while it holds the thread, nor exit while a read of a
      // pipe that never ends holds one of libuv's.)
      let jobId: number | null = null;
      stopListening =
        io.onInterrupt?.(() =>
          jobId === null
            ? rowsReadInterrupted(rowsFile)
            : bulkInterrupted(engine.service.bulk.progress(jobId), tally),
        ) ?? stopListening;
      if (content === '')
        throw new UsageError(`--rows: ${rowsFile} is empty (expected a header line and rows)`);
      const format = rowsFormat(values.rows, content);
      const note = contentTypeFillNote(template);
      if (note) io.stderr(`note: ${note}\n`);
      const lengthWarning = contentLengthWarning(headers, 'per row', omitted.has('content-length'));
      if (lengthWarning) io.stderr(lengthWarning);
      const job = await engine.service
        .startBulk(
          contractInput(
            deliveryMethods['bulk.start'].input,
            { ...options, fieldsNotColumns: fieldsNotColumns.data, template, rows: { content, format } },
            flagOfField,
          ),
        )
        .catch((error: unknown) => {
          throw bulkRefusalAsFlagProblem(
            error,
            values['data-file'] !== undefined ? '--data-file' : '--data',
            rowsFile,
          );
        });
      jobId = job.jobId;
      const done = await engine.untilBulkEnded(job.jobId, reader.signal);
      // Not ended: the reader has gone, and the send stops quietly, as tail does.
      if (!bulkEnded(done)) return 0;
      // What stopped the job is not a skipped row: it is said last, with what it left unsent.
      const stoppedBy =
        done.state === 'stopped'
          ? [...done.rowErrors].reverse().find((e) => e.row === 0 && e.message.startsWith('stopped by'))
          : undefined;
      // Row 0 is otherwise the file as a whole (a column named twice or with no name): its rows were still sent, so
      // it is a note, naming the file as a refusal of it does.
      for (const e of done.rowErrors)
        if (e !== stoppedBy)
          io.stderr(`${e.row === 0 ? `note: --rows: ${rowsFile}:` : 'skipped'} ${e.message}\n`);
      if (done.rowErrorsOmitted > 0)
        io.stderr(
          `skipped ${done.rowErrorsOmitted} more ${rowsWord(done.rowErrorsOmitted)} (only the first ${done.rowErrors.length} errors are kept)\n`,
        );
      const c = done.counts;
      io.stdout(
        `${c.succeeded} delivered, ${c.failed} failed, ${c.skipped} skipped of ${done.total} ${rowsWord(done.total)}\n`,
      );
      if (done.state === 'stopped') {
        io.stderr(
          `bulk send ${stoppedBy?.message ?? 'stopped'}; ${c.cancelled} of ${done.total} ${rowsWord(done.total)} not sent
`,
        );
        return 1;
      }
      return c.failed + c.skipped > 0 ? 1 : 0;
    }
    const checked = httpUrl.safeParse(url);
    if (!checked.success) throw new UsageError(`<url>: ${checked.error.issues[0]?.message ?? 'invalid URL'}`);
    const text = utf8DecodeStrict(body);
    // Bytes that are not UTF-8 (an image, a gzip file) are not text, whatever decoding them with U+FFFD would look like.
    const contentType =
      text === null
        ? (userContentType(headers) ?? 'application/octet-stream')
        : contentTypeHeaderFor(headers, text);
    if (
      contentType &&
      !omitted.has('content-type') &&
      !headers.some(([n]) => n.toLowerCase() === 'content-type')
    )
      headers.push(['Content-Type', contentType]);
    const lengthWarning = contentLengthWarning(
      headers,
      { method, url, bodyBytes: body.length },
      omitted.has('content-length'),
    );
    if (lengthWarning) io.stderr(lengthWarning);
    const summary = engine.service.send(
      contractInput(
        sendInput,
        {
          ...options,
          type: 'manual',
          // Typed on the command line: a value beyond ASCII goes out as its UTF-8 bytes, as curl sends it.
          request: {
            method,
            url,
            headers: headers.map(([n, v]): HeaderPair => [n, headerByteString(v)]),
            bodyBase64: body.toString('base64'),
          },
        },
        flagOfField,
      ),
    );
    stopListening =
      io.onInterrupt?.(() => deliveryInterrupted(engine.service.get(summary.id))) ?? stopListening;
    const final = await engine.untilDelivered(summary.id, reader.signal);
    // Not ended: the reader has gone, and the send stops quietly, as tail does.
    if (final.state === 'succeeded' || !isTerminal(final.state)) return 0;
    io.stderr(`delivery failed (${final.state}): ${final.lastError ?? `HTTP ${final.lastStatus}`}\n`);
    return 1;
  } finally {
    reader.stop();
    stopListening();
    await engine.close();
  }
}
