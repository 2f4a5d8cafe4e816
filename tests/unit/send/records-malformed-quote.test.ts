import { describe, expect, it } from 'vitest';
import { recordsFromFile, recordsFromFileInTurns } from '../../../electron/shared/send/records';

const readBoth = async (csv: string) => {
  const atOnce = recordsFromFile(csv, 'csv');
  for (const chunkChars of [6, 20, 1 << 20])
    expect(await recordsFromFileInTurns(csv, 'csv', (resume) => setImmediate(resume), chunkChars)).toEqual(
      atOnce,
    );
  return atOnce;
};

describe('a malformed quote in a CSV row', () => {
  it('that is never closed is named once, at its own row', async () => {
    const { rows, errors } = await readBoth('a,b,c\n1,2,3\n3,4,5\n5,"x"y,z\n7,8,9\n');
    expect(rows).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: '3', b: '4', c: '5' },
    ]);
    expect(errors).toEqual([
      {
        row: 3,
        message:
          'row 3: quoted field unterminated (it runs to the end of the file, so no later line is read)',
      },
    ]);
  });

  it('that is closed later leaves out its own row, not the next one', async () => {
    const { rows, errors } = await readBoth('a,b\n1,2\n3,4\n5,6\n"x"y",z\n7,8\n');
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
      { a: '5', b: '6' },
      { a: '7', b: '8' },
    ]);
    expect(errors).toEqual([{ row: 4, message: 'row 4: Trailing quote on quoted field is malformed' }]);
  });

  it('after blank lines leaves out and names its own row, not a later good one', async () => {
    const { rows, errors } = await readBoth('a,b\r\n1,2\r\n\r\n  \r\n,\r\n"x"y",z\r\n7,8\r\n9,10\r\n\r\n');
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '7', b: '8' },
      { a: '9', b: '10' },
    ]);
    expect(errors).toEqual([{ row: 2, message: 'row 2: Trailing quote on quoted field is malformed' }]);
  });

  it('never closed after blank lines is named at its own row', async () => {
    const { rows, errors } = await readBoth('a,b\n\n1,2\n\n3,"x"y\n5,6\n');
    expect(rows).toEqual([{ a: '1', b: '2' }]);
    expect(errors).toEqual([
      {
        row: 2,
        message:
          'row 2: quoted field unterminated (it runs to the end of the file, so no later line is read)',
      },
    ]);
  });
});
