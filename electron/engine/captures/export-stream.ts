import type { Har } from 'har-format';
import type { EngineContext } from '../context';
import type { CaptureDetail, ExportFormat, ParsedInput } from '../../shared/contract/index';
import type { Redaction } from './redaction';
import { exportCaptures, jsonCapture, toHarEntry } from './export';
import { withLineBreaksEscaped } from '../../shared/json-line-breaks';

/**
 * The JSON formats of `exportCaptures`, byte for byte, written one capture at a time: an export of many large bodies
 * would not fit in one string (V8 caps a string at ~512 MB). `JSON.stringify(value, null, 2)` indents a nested value
 * by its depth; a JSON text has no raw newline outside its structure, so re-indenting each line reproduces it.
 */
export function jsonExportFraming(
  format: Exclude<ExportFormat, 'curl'>,
  redact: Redaction | null,
  base: string,
  version: string,
): { open: string; item: (c: CaptureDetail, index: number) => string; close: (count: number) => string } {
  const shown = (c: CaptureDetail) => jsonCapture(c, redact);
  const indented = (value: unknown, indent: string) =>
    withLineBreaksEscaped(JSON.stringify(value, null, 2)).replace(/\n/g, `\n${indent}`);
  if (format === 'jsonl')
    return { open: '', item: (c) => `${withLineBreaksEscaped(JSON.stringify(shown(c)))}\n`, close: () => '' };
  if (format === 'json')
    return {
      open: '[',
      item: (c, i) => `${i ? ',' : ''}\n  ${indented(shown(c), '  ')}`,
      close: (n) => (n ? '\n]' : ']'),
    };
  const empty: Har = { log: { version: '1.2', creator: { name: 'Hookscope', version }, entries: [] } };
  const [head, tail] = JSON.stringify(empty, null, 2).split('"entries": []') as [string, string];
  return {
    open: `${head}"entries": [`,
    item: (c, i) => `${i ? ',' : ''}\n      ${indented(toHarEntry(c, base, redact), '      ')}`,
    close: (n) => `${n ? '\n    ' : ''}]${tail}`,
  };
}

/** `total`: the captures the export is to hold (fewer if some are deleted while it is written). */
export type ExportMeta = { fileName: string; mimeType: string; total: number };

export type StreamExport = (
  input: ParsedInput<'captures.export'>,
  begin: (meta: ExportMeta) => void,
  write: (piece: string) => Promise<void> | void,
) => Promise<{ count: number; missing: number }>;

/**
 * `captures.export` written one capture at a time through `write` (awaited, so a slow reader holds the export back):
 * only one capture is in memory at once. `begin` gets the file name, type and size before the first piece.
 * cURL is the exception: its first line depends on every command, so it is built whole.
 */
export async function streamCaptureExport(
  ctx: EngineContext,
  input: ParsedInput<'captures.export'>,
  begin: (meta: ExportMeta) => void,
  write: (piece: string) => Promise<void> | void,
): Promise<{ count: number; missing: number }> {
  if (input.filter?.text) ctx.captures.indexer.drain();
  const ids = input.ids ?? ctx.captures.ids(input.filter, input.limit);
  const base = ctx.receiverUrl();
  const redact = input.redact ? ctx.endpoints.secretNames() : null;
  if (input.format === 'curl') {
    const captures = ids.flatMap((id) => ctx.captures.getIfPresent(id) ?? []);
    const { content, ...meta } = exportCaptures(captures, 'curl', base, redact, ctx.config.version);
    begin({ ...meta, total: captures.length });
    await write(content);
    return { count: captures.length, missing: ids.length - captures.length };
  }
  const { fileName, mimeType } = exportCaptures([], input.format, base, redact, ctx.config.version);
  begin({ fileName, mimeType, total: ids.length });
  const framing = jsonExportFraming(input.format, redact, base, ctx.config.version);
  let count = 0;
  await write(framing.open);
  for (const id of ids) {
    // Deleted while the export waits for the reader: left out, the file stays valid.
    const capture = ctx.captures.getIfPresent(id);
    if (capture === null) continue;
    await write(framing.item(capture, count++));
  }
  await write(framing.close(count));
  return { count, missing: ids.length - count };
}
