import { describe, expect, it } from 'vitest';
import { recordsFromFile, recordsFromFileInTurns } from '../../../electron/shared/send/records';

const nextTurn = (resume: () => void) => setImmediate(resume);
const bothWays = async (csv: string) => {
  const atOnce = recordsFromFile(csv, 'csv');
  expect(await recordsFromFileInTurns(csv, 'csv', nextTurn, 8)).toEqual(atOnce);
  return atOnce;
};

// Excel saves a sheet with formatted empty cells past the data as `Email,N,,`: the note said the column ""
// "appears twice (the second is read as "_1")", naming no column anyone wrote.
describe('CSV columns with an empty header', () => {
  it('trailing ones empty in every row are left out without a note', async () => {
    expect(await bothWays('Email,N,,\na@example.com,1,,\nb@example.com,2,,\n')).toEqual({
      rows: [
        { Email: 'a@example.com', N: '1' },
        { Email: 'b@example.com', N: '2' },
      ],
      errors: [],
    });
  });

  it('a row that leaves out the empty trailing ones is read whole', async () => {
    expect(await bothWays('Email,N,,\na@example.com,1,,\nb@example.com,2\n')).toEqual({
      rows: [
        { Email: 'a@example.com', N: '1' },
        { Email: 'b@example.com', N: '2' },
      ],
      errors: [],
    });
  });

  it('one that holds a value is kept, and the note names its position', async () => {
    expect(await bothWays('Email,N,,\na@example.com,1,,\nb@example.com,2,,kept\n')).toEqual({
      rows: [
        { Email: 'a@example.com', N: '1', _1: '' },
        { Email: 'b@example.com', N: '2', _1: 'kept' },
      ],
      errors: [{ row: 0, message: 'header: column 4 has no name (its values are read as "_1")' }],
    });
  });

  it('one between named columns that holds values is named by its position too', async () => {
    expect(await bothWays('Email,,N\na@example.com,x,1\n')).toEqual({
      rows: [{ Email: 'a@example.com', '': 'x', N: '1' }],
      errors: [{ row: 0, message: 'header: column 2 has no name (its values are read as "")' }],
    });
  });
});
