import { describe, expect, it } from 'vitest';
import { recordsFromFile, recordsFromFileInTurns } from '../../../electron/shared/send/records';

const hint =
  '; it looks like JSON Lines (one object a line): give the rows as a JSON array of objects, or a CSV file';

describe('JSON Lines read as a JSON rows file', () => {
  it('is refused saying it looks like JSON Lines', async () => {
    const text = '\uFEFF{"email":"a@x.com"}\r\n\r\n{"email":"b@x.com"}\r\n';
    const inTurns = await recordsFromFileInTurns(text, 'json', (resume) => setImmediate(resume));
    expect(inTurns.rows).toEqual([]);
    expect(inTurns.errors).toEqual([
      { row: 0, message: `file: not valid JSON (unexpected "{" at byte 23)${hint}` },
    ]);
    const atOnce = recordsFromFile(text, 'json');
    expect(atOnce.errors[0]!.message.endsWith(hint)).toBe(true);
  });

  it('is not said of other broken JSON', async () => {
    for (const text of ['{"a":1} x', '{"a":\n{"b":2}', '[{"a":1}]\n[{"a":2}]']) {
      const { errors } = await recordsFromFileInTurns(text, 'json', (resume) => setImmediate(resume));
      expect(errors[0]!.message).not.toContain('JSON Lines');
    }
  });
});
