import type { Har } from 'har-format';
import type { CaptureDetail, ExportFormat } from '../shared/contract/index';
import type { Redaction } from '../engine/captures/redaction';
import { redactCapture, toHarEntry } from '../engine/captures/export';

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
  const shown = (c: CaptureDetail) => (redact ? redactCapture(c, redact) : c);
  const indented = (value: unknown, indent: string) =>
    JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
  if (format === 'jsonl') return { open: '', item: (c) => `${JSON.stringify(shown(c))}\n`, close: () => '' };
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
