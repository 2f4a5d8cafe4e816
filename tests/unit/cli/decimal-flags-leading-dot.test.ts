import { describe, expect, it } from 'vitest';
import { parseNumber, parseRate } from '../../../electron/cli/commands/send';

// A fraction written without its leading zero (.5) is the decimal most tools read as 0.5.
describe('a decimal flag written with a leading dot', () => {
  it.each([
    ['.5', 0.5],
    ['.001', 0.001],
    ['0.5', 0.5],
    ['2', 2],
  ])('--time-scale %s reads as %s', (value, expected) => {
    expect(parseNumber(value, '--time-scale', 0.000001, 1000)).toBe(expected);
  });

  it.each([
    ['.5/s', 30],
    ['.5', 0.5],
    ['.5/min', 0.5],
  ])('--rate %s reads as %s a minute', (value, expected) => {
    expect(parseRate(value)).toBe(expected);
  });

  it.each(['.', '..5', '5.', '.5.5', '.e1', '+.5', '.5 '])(
    '--time-scale %j is refused naming the flag',
    (value) => {
      expect(() => parseNumber(value, '--time-scale', 0.000001, 1000)).toThrow(
        `--time-scale: expected a decimal number from 0.000001 to 1000, got "${value}"`,
      );
    },
  );

  it.each(['./s', '..5/s', '.5.5/min'])('--rate %j is refused naming the flag', (value) => {
    expect(() => parseRate(value)).toThrow(`--rate: expected a number of requests per minute`);
  });

  it('--timeout, a whole number of ms, refuses .5 as it refuses 0.5', () => {
    for (const value of ['.5', '0.5'])
      expect(() => parseNumber(value, '--timeout', 1, 600_000, true)).toThrow(
        `--timeout: expected a whole number from 1 to 600000, got "${value}"`,
      );
  });
});
