import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../renderer/src/features/deliveries/format';

describe('formatDuration rounds first, then picks the unit', () => {
  it.each([
    [9.96, '10 ms'],
    [999.4, '999 ms'],
    [999.6, '1.0 s'],
    [119_940, '119.9 s'],
    [119_960, '2 min'],
    [7_169_000, '119 min'],
    [7_170_000, '2.0 h'],
    [172_799_000, '2.0 d'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('keeps the readings away from the boundaries', () => {
    expect([null, 0, 5, 250, 1500, 90_000, 600_000, 10_800_000, 259_200_000].map(formatDuration)).toEqual([
      '—',
      '0.0 ms',
      '5.0 ms',
      '250 ms',
      '1.5 s',
      '90.0 s',
      '10 min',
      '3.0 h',
      '3.0 d',
    ]);
  });
});
