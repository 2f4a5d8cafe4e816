import { describe, expect, it } from 'vitest';
import { recordsFromFile, recordsFromFileInTurns } from '../../../electron/shared/send/records';

const json = '[{"id": 12345678901234567891, "n": 42, "x": 1.5, "e": 1e3, "neg": -9007199254740993}]';
const expected = { id: '12345678901234567891', n: '42', x: '1.5', e: '1000', neg: '-9007199254740993' };

describe('a JSON rows file with integers past 2^53', () => {
  it('keeps their exact digits', () => {
    expect(recordsFromFile(json, 'json')).toEqual({ rows: [expected], errors: [] });
  });

  it('keeps them when read in turns, as a bulk send reads the file', async () => {
    expect(await recordsFromFileInTurns(json, 'json', setImmediate, 8)).toEqual({
      rows: [expected],
      errors: [],
    });
  });

  it('still names a large number that is not an object as a number', async () => {
    const r = await recordsFromFileInTurns('[12345678901234567891]', 'json', setImmediate);
    expect(r.errors).toEqual([{ row: 1, message: 'row 1: expected an object, got number' }]);
  });
});
