import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../electron/shared/contract/index';
import type { LogRow } from '../../../electron/shared/contract/delivery';
import { exportCaptures } from '../../../electron/engine/captures/export';
import { jsonExportFraming } from '../../../electron/engine/captures/export-stream';
import { exportLog } from '../../../electron/engine/delivery/log-export';
import { withC1Escaped } from '../../../electron/cli/json-text';
import { mergeExports } from '../../../renderer/src/features/transfer/merge-export';
import { captureDetail } from '../../helpers/capture-detail';
import { logRow } from '../../helpers/log-row';

// What Python's str.splitlines() takes as a line break beyond \n and \r; JSON.stringify leaves all three raw.
const breakers = '\u0085\u2028\u2029';
const body = `{"note":"a${breakers}b"}`;
const capture = (id: number) =>
  captureDetail({
    id,
    headers: [['X-Note', `h\u2028${String.fromCharCode(0x85)}`]],
    bodyBase64: Buffer.from(body).toString('base64'),
    storedBodyBytes: Buffer.byteLength(body),
  });
const formats: Array<Exclude<ExportFormat, 'curl'>> = ['jsonl', 'json', 'har'];
const rawBreaker = /[\u0085\u2028\u2029]/;

describe('JSON and JSONL exports escape U+0085, U+2028 and U+2029', () => {
  it.each(formats)('%s, built whole as the app exports it, keeps the same value', (format) => {
    const { content } = exportCaptures([capture(1), capture(2)], format, 'http://127.0.0.1:1', null, 'test');
    expect(content).not.toMatch(rawBreaker);
    expect(content).toContain('\\u2028');
    if (format === 'jsonl')
      expect(content.split(/\r?\n|[\u0085\u2028\u2029]/).filter(Boolean)).toHaveLength(2);
    else expect(JSON.stringify(JSON.parse(content))).toContain('\u2028');
  });

  it.each(formats)('%s, written a capture at a time as the stream and the CLI write it', (format) => {
    const framing = jsonExportFraming(format, null, 'http://127.0.0.1:1', 'test');
    const content =
      framing.open + framing.item(capture(1), 0) + framing.item(capture(2), 1) + framing.close(2);
    expect(content).not.toMatch(rawBreaker);
    expect(content).toBe(
      exportCaptures([capture(1), capture(2)], format, 'http://127.0.0.1:1', null, 'test').content,
    );
  });

  it.each(['json', 'har'] as const)('%s chunks merged by the app stay escaped', (format) => {
    const chunk = (id: number) =>
      exportCaptures([capture(id)], format, 'http://127.0.0.1:1', null, 'test').content;
    expect(mergeExports(format, [chunk(1), chunk(2)])).not.toMatch(rawBreaker);
  });

  it('the CLI terminal escaping covers U+2028 and U+2029 as well as U+0085', () => {
    expect(withC1Escaped(JSON.stringify(breakers))).toBe('"\\u0085\\u2028\\u2029"');
  });

  it('the delivery log JSON export', () => {
    const content = exportLog([logRow(breakers)], 'json').content;
    expect(content).not.toMatch(rawBreaker);
    expect((JSON.parse(content) as LogRow[])[0]!.responseData).toBe(breakers);
  });
});
