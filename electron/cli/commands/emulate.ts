import { extname } from 'node:path';
import { isTerminal } from '../../engine/delivery/delivery-store';
import { formatAttempt, HeadlessDelivery } from '../../engine/delivery/headless';
import { deliveryMethods, emulatorTargetProblem } from '../../shared/contract/delivery';
import { DEFAULT_TIMEOUT_MS } from '../../engine/delivery/new-delivery';
import {
  defaultOntraportEncoding,
  defaultOntraportFormat,
  defaultOntraportFormId,
  defaultOntraportTagId,
  defaultPingPostData,
  emulatorKinds,
  ontraportEncodings,
  ontraportFormats,
  type EmulatorKind,
} from '../../shared/send/emulators';
import {
  ontraportAssumptions,
  ontraportSubscriptionAssumption,
  orttoAssumptions,
} from '../../shared/send/emulator-assumptions';
import { recordsFromFile } from '../../shared/send/merge-fields';
import { rowsFormat } from '../../shared/send/rows-format';
import { rowsText } from '../../shared/send/rows-text';
import { firstRecordInFile, firstRecordReadLimit, type FirstRecord } from '../first-record';
import { parseFlags, readFlagFile, UsageError, type CliIo } from '../io';
import { closestCommand } from '../closest-command';
import { deliveryInterrupted } from '../interrupted-summary';
import { watchStdoutReader } from '../stdout-reader-watch';
import {
  ontraportSettingsFlags,
  ontraportSettingsFromFlags,
  ontraportSettingsUsage,
} from '../ontraport-settings-flags';
import { parseNumber } from './send';

const spokenChoices = (choices: readonly string[]): string =>
  choices.length < 2
    ? choices.join('')
    : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;

export const emulateUsage = `Usage: hookscope emulate <kind> --to URL [options]

Acts like the platform: sends one realistic Ortto or Ontraport webhook to URL, delivered with that platform's
retry policy, and prints every attempt. Exits 1 when the delivery finally fails. Runs in memory (no receiver).

Kinds:
  ${emulatorKinds.join('\n  ')}

Options:
      --to URL             where to send it (required)
      --format F           Ontraport data format: ${ontraportFormats.join(' | ')} (default ${defaultOntraportFormat})
      --encoding E         Ontraport wire format: ${ontraportEncodings.join(' | ')} (default ${defaultOntraportEncoding})
      --tag-id N           the tag of ontraport-sub_tag / ontraport-unsub_tag, as in sub_tag(N) (default ${defaultOntraportTagId})
      --form-id N          the form of ontraport-object_submits_form, as in object_submits_form(N) (default ${defaultOntraportFormId})
      --contact F|JSON     sample contact: a JSON file, the first row of a CSV file, or an inline {"…": "…"}
                           (- reads the JSON or CSV from stdin)
      --post-data TEXT     ontraport-ping's Post Data, merge fields filled from the contact
                           (default ${defaultPingPostData})
${ontraportSettingsUsage}
      --time-scale N       multiply every retry wait: 0.001 turns 5 min into 0.3 s (default 1)
      --timeout MS         per-attempt timeout (default ${DEFAULT_TIMEOUT_MS})
  -h, --help               show this help

Assumed, not in the vendors' documents:
  Ortto: ${orttoAssumptions.join(';\n         ')}
  Ontraport: ${ontraportAssumptions.join(';\n             ')};
             ${ontraportSubscriptionAssumption}
`;

/** `--contact` is a file (JSON or CSV, read only as far as its first contact) or, when it starts with `{`, the JSON. */
function readContact(value: string): Record<string, string> {
  if (value.trimStart().startsWith('{')) {
    const { rows, errors } = recordsFromFile(value, 'json');
    // The reader words its errors for a file ("file: not valid JSON"); this JSON was typed on the command line.
    if (!rows[0])
      throw new UsageError(`--contact: ${errors[0]?.message.replace(/^file: /, '') ?? 'no contact given'}`);
    return rows[0];
  }
  if (value === '-') return contactFromStdin();
  let first: FirstRecord;
  try {
    first = firstRecordInFile(value, extname(value).toLowerCase() === '.csv' ? 'csv' : 'json');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`--contact: cannot read the file "${value}"${code ? ` (${code})` : ''}`);
  }
  if (first.record) return first.record;
  if ('overLimit' in first)
    throw new UsageError(
      `--contact: no complete contact in the first ${firstRecordReadLimit / 1024 / 1024} MiB of "${value}" ` +
        '(only the first contact is used: put it at the start of the file)',
    );
  if ('notText' in first) throw new UsageError(`--contact: ${value}: ${first.notText}`);
  throw new UsageError(`--contact: ${first.errors[0]?.message ?? 'no contact in the file'}`);
}

/** `--contact -`: the contact JSON or CSV (by what it starts with, as `--rows -`) read from stdin. */
function contactFromStdin(): Record<string, string> {
  const read = rowsText(readFlagFile('-', '--contact'));
  if ('error' in read) throw new UsageError(`--contact: stdin: ${read.error}`);
  const sniffed = rowsFormat('-', read.text);
  const { rows, errors } = recordsFromFile(read.text, 'format' in sniffed ? sniffed.format : 'json');
  if (!rows[0])
    throw new UsageError(
      `--contact: stdin: ${errors[0]?.message.replace(/^file: /, '') ?? 'no contact in it'}`,
    );
  return rows[0];
}

/** An Ontraport tag or form id: a positive whole number. */
function parseId(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,14}$/.test(value.trim()))
    throw new UsageError(`${flag}: expected a positive whole number (an Ontraport id), got "${value}"`);
  return Number(value.trim());
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      to: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      contact: { type: 'string' },
      'tag-id': { type: 'string' },
      'form-id': { type: 'string' },
      'post-data': { type: 'string' },
      ...ontraportSettingsFlags,
      'time-scale': { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout(emulateUsage);
    return 0;
  }
  const kind = positionals[0];
  if (positionals.length !== 1 || !kind)
    throw new UsageError(
      positionals.length ? `expected one <kind>, got ${positionals.length}` : 'missing <kind>',
    );
  if (!(emulatorKinds as readonly string[]).includes(kind)) {
    const meant = closestCommand(kind, [...emulatorKinds]);
    throw new UsageError(
      `<kind>: "${kind}" is not one of ${emulatorKinds.join(', ')}${meant ? `; did you mean "${meant}"?` : ''}`,
    );
  }
  if (values.to === undefined) throw new UsageError('--to: required (the URL to send to)');
  const toProblem = emulatorTargetProblem(kind as EmulatorKind, values.to);
  if (toProblem) throw new UsageError(`--to: ${toProblem}`);
  // Ortto's emulators have one shape each: a format or encoding flag there would be ignored, so say so instead.
  for (const flag of ['format', 'encoding'] as const)
    if (values[flag] !== undefined && !kind.startsWith('ontraport-'))
      throw new UsageError(`--${flag}: only for the Ontraport kinds, not ${kind}`);
  if (values.format !== undefined && kind === 'ontraport-ping')
    throw new UsageError('--format: only for the Ontraport subscription kinds, not ontraport-ping');
  if (values.format !== undefined && !(ontraportFormats as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format: expected ${spokenChoices(ontraportFormats)}, got "${values.format}"`);
  }
  if (values.encoding !== undefined && !(ontraportEncodings as readonly string[]).includes(values.encoding)) {
    throw new UsageError(
      `--encoding: expected ${spokenChoices(ontraportEncodings)}, got "${values.encoding}"`,
    );
  }
  if (values['tag-id'] !== undefined && !/^ontraport-(un)?sub_tag$/.test(kind))
    throw new UsageError(`--tag-id: only for ontraport-sub_tag and ontraport-unsub_tag, not ${kind}`);
  if (values['form-id'] !== undefined && kind !== 'ontraport-object_submits_form')
    throw new UsageError(`--form-id: only for ontraport-object_submits_form, not ${kind}`);
  if (values['post-data'] !== undefined && kind !== 'ontraport-ping')
    throw new UsageError(`--post-data: only for ontraport-ping, not ${kind}`);
  // The two settings of an Ontraport webhook (seed 000); Ortto has none, its schedule is fixed.
  const ontraport = ontraportSettingsFromFlags(
    values,
    kind.startsWith('ontraport-') ? null : `only for the Ontraport kinds, not ${kind}`,
  );
  const input = deliveryMethods['emulate.send'].input.parse({
    kind: kind as EmulatorKind,
    to: values.to,
    format: values.format,
    encoding: values.encoding,
    contact: values.contact !== undefined ? readContact(values.contact) : undefined,
    tagId: parseId(values['tag-id'], '--tag-id'),
    formId: parseId(values['form-id'], '--form-id'),
    postData: values['post-data'],
    ontraport,
    timeScale: parseNumber(values['time-scale'], '--time-scale', 0.000001, 1000),
    timeoutMs: parseNumber(values.timeout, '--timeout', 1, 600_000, true),
  });
  // `emulate … | head -1`: once the reader has gone, retrying on would only send for no one to see.
  const reader = watchStdoutReader(io);
  const engine = new HeadlessDelivery((line) => io.stdout(formatAttempt(line)));
  let stopListening = () => {};
  try {
    const summary = engine.service.emulate(input);
    io.stdout(`${summary.description} → ${summary.url} (${summary.policy} policy)\n`);
    stopListening =
      io.onInterrupt?.(() => deliveryInterrupted(engine.service.get(summary.id))) ?? stopListening;
    const final = await engine.untilDelivered(summary.id, reader.signal);
    // Not ended: the reader has gone, and the emulator stops quietly, as send and tail do.
    if (final.state === 'succeeded' || !isTerminal(final.state)) return 0;
    io.stderr(`delivery failed (${final.state}): ${final.lastError ?? `HTTP ${final.lastStatus}`}\n`);
    return 1;
  } finally {
    reader.stop();
    stopListening();
    await engine.close();
  }
}
