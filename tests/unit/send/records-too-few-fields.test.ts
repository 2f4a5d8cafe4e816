import { describe, expect, it } from 'vitest';
import { recordsFromFile, recordsFromFileInTurns } from '../../../electron/shared/send/records';

const readBoth = async (csv: string) => {
  const atOnce = recordsFromFile(csv, 'csv');
  for (const chunkChars of [7, 1 << 20])
    expect(await recordsFromFileInTurns(csv, 'csv', (resume) => setImmediate(resume), chunkChars)).toEqual(
      atOnce,
    );
  return atOnce;
};

describe('a CSV row with too few fields', () => {
  it('is named with the columns it has no value for', async () => {
    const { rows, errors } = await readBoth('email,name,n\na@x.com,Ann\nb@x.com,Bob,2\nc@x.com\n');
    expect(rows).toEqual([{ email: 'b@x.com', name: 'Bob', n: '2' }]);
    expect(errors).toEqual([
      { row: 1, message: 'row 1: Too few fields: expected 3 fields but parsed 2 (no "n")' },
      { row: 3, message: 'row 3: Too few fields: expected 3 fields but parsed 1 (no "name", "n")' },
    ]);
  });

  it('names at most five of them, and a __proto__ column as written', async () => {
    const header = ['id', '__proto__', 'a', 'b', 'c', 'd', 'e'].join(',');
    const { errors } = await readBoth(`${header}\n1\n`);
    expect(errors).toEqual([
      {
        row: 1,
        message:
          'row 1: Too few fields: expected 7 fields but parsed 1 (no "__proto__", "a", "b", "c", "d" and 1 more)',
      },
    ]);
  });
});
