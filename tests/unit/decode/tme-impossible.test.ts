import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../../electron/shared/decode/values';

describe('Ortto tme: impossible times are named, not rolled over', () => {
  it.each([
    ['2023-02-30T10:00:00Z', 'Day 30 is out of range: 2023-02 has 28 days.'],
    ['2023-04-31T10:00:00+02:00', 'Day 31 is out of range: 2023-04 has 30 days.'],
    ['2023-10-03T24:00:00Z', 'Hour 24 is out of range (00–23).'],
    ['2023-10-03T10:60:00Z', 'Minute 60 is out of range (00–59).'],
    ['2023-13-01T10:00:00Z', 'Month 13 is out of range (01–12).'],
    ['2023-10-03T10:00:61Z', 'Second 61 is out of range (00–59, or 60 for a leap second).'],
    ['2023-10-03T10:00:00+24:00', 'Offset +24:00 is out of range.'],
  ])('%s', (sent, problem) => {
    const f = formatTimestamp(sent);
    expect(f.problems).toEqual([problem]);
    expect(f.display).toBe(sent);
    expect(f.epochMs).toBeNull();
  });

  it('a real leap day and the last day of a month still decode', () => {
    expect(formatTimestamp('2024-02-29T10:00:00Z').display).toBe('2024-02-29 10:00:00 UTC');
    expect(formatTimestamp('2023-12-31T23:59:59Z').problems).toEqual([]);
  });

  it('a leap second is shown as sent, noted, and counted as the next second', () => {
    const f = formatTimestamp('2016-12-31T23:59:60Z');
    expect(f.display).toBe('2016-12-31 23:59:60 UTC');
    expect(f.problems).toEqual([]);
    expect(f.details.join(' ')).toMatch(/Leap second/);
    expect(f.epochMs).toBe(Date.UTC(2017, 0, 1));
    const offset = formatTimestamp('2017-01-01T05:29:60.5+05:30');
    expect(offset.display).toBe('2016-12-31 23:59:60.5 UTC');
    expect(formatTimestamp('2016-12-31T12:00:60Z').problems).toEqual([
      'Second 60 (a leap second) only falls at 23:59:60 UTC at the end of a month.',
    ]);
  });
});
