import { describe, expect, it } from 'vitest';
import { recordsFromFile, recordsFromFileInTurns } from '../../../electron/shared/send/records';

const csv = 'email,"name\na@example.com,Ann\n';
const expected = [
  {
    row: 0,
    message: 'header: quoted field unterminated (it runs to the end of the file, so no row is read)',
  },
];

describe('a CSV whose header line opens a quote it never closes', () => {
  it('says the header, not a "row 0"', () => {
    expect(recordsFromFile(csv, 'csv')).toEqual({ rows: [], errors: expected });
  });

  it('says the same when read in turns (as a bulk send reads it)', async () => {
    expect(await recordsFromFileInTurns(csv, 'csv', setImmediate)).toEqual({ rows: [], errors: expected });
  });
});
