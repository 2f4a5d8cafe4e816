import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordsFromFile, recordsFromFileInTurns } from '../../../electron/shared/send/records';

afterEach(() => vi.restoreAllMocks());

const nextTurn = (resume: () => void) => setImmediate(resume);

describe('a CSV naming a column twice', () => {
  const csv = 'email,email,email_1,email\na,b,c,d\n';
  const expected = {
    rows: [{ email: 'a', email_2: 'b', email_1: 'c', email_3: 'd' }],
    errors: [
      { row: 0, message: 'header: column "email" appears twice (the second is read as "email_2")' },
      { row: 0, message: 'header: column "email" appears twice (the second is read as "email_3")' },
    ],
  };

  it('is named in the notes only, never on the console (read at once)', () => {
    const warn = vi.spyOn(console, 'warn');
    expect(recordsFromFile(csv, 'csv')).toEqual(expected);
    expect(warn).not.toHaveBeenCalled();
  });

  it('is named in the notes only, never on the console (read in turns)', async () => {
    const warn = vi.spyOn(console, 'warn');
    expect(await recordsFromFileInTurns(csv, 'csv', nextTurn, 8)).toEqual(expected);
    expect(warn).not.toHaveBeenCalled();
  });
});
