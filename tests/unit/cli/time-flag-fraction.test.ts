import { expect, it } from 'vitest';
import { timeFlag } from '../../../electron/cli/io';

const at = (fraction: string) => Date.parse(`2026-11-24T10:00:05.${fraction}Z`);
const until = (value: string) => timeFlag(`2026-11-24T10:00:${value}Z`, '--until', 0, true);
const since = (value: string) => timeFlag(`2026-11-24T10:00:${value}Z`, '--since', 0);

it.each([
  ['05', '999'],
  ['05.4', '499'],
  ['05.45', '459'],
  ['05.456', '456'],
  ['05.4567', '456'],
  ['05.999999999', '999'],
])('--until %s includes up to .%s, the whole of the precision written', (value, last) => {
  expect(until(value)).toBe(at(last));
});

it.each([
  ['05', '000'],
  ['05.4', '400'],
  ['05.45', '450'],
  ['05.4567', '456'],
])('--since %s starts at .%s, the first millisecond of what was written', (value, first) => {
  expect(since(value)).toBe(at(first));
});
