import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../electron/shared/decode/values';

describe('dtz dates in the years 0–99', () => {
  it('are checked in that year, not 1900 more', () => {
    // Year 0 is a leap year in the proleptic Gregorian calendar; 1900 is not.
    expect(formatDate({ year: 0, month: 2, day: 29 }).problems).toEqual([]);
    expect(formatDate({ year: 0, month: 2, day: 29 }).display).toBe('0000-02-29');
  });

  it('still catches a day those years do not have', () => {
    expect(formatDate({ year: 1, month: 2, day: 29 }).problems).toEqual([
      'There is no day 29 in that month.',
    ]);
    expect(formatDate({ year: 100, month: 2, day: 29 }).problems).toEqual([
      'There is no day 29 in that month.',
    ]);
  });
});
