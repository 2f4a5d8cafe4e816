import type { ExportFormat } from '../../../../electron/shared/contract/captures';

/**
 * What each capture in a streamed export starts with, as the engine's writer frames them (export-stream.ts): a JSON
 * string holds no raw newline, so nothing inside a capture matches. cURL scripts have no such mark.
 */
const itemStart: Partial<Record<ExportFormat, string>> = { har: '\n      {', json: '\n  {', jsonl: '\n' };

/** Counts the captures in an export as its bytes arrive; null for a format whose captures cannot be told apart. */
export function itemCounter(format: ExportFormat): ((chunk: Uint8Array) => number) | null {
  const mark = itemStart[format];
  if (!mark) return null;
  const decoder = new TextDecoder();
  let carry = '';
  let count = 0;
  return (chunk) => {
    const text = carry + decoder.decode(chunk, { stream: true });
    for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + mark.length)) count++;
    // A mark split between two chunks: keep what could be its start (too short to be a whole one).
    carry = mark.length > 1 ? text.slice(1 - mark.length) : '';
    return count;
  };
}
