import { expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';

// Each value passes the flag's own check but not the delivery's (a whole number of ms, at most 6,000,000 a minute): it
// was reported as a zod issue list, naming no flag, with exit 1 as if a delivery had failed.
it.each([
  ['send', '--timeout', '1500.5', /--timeout: expected a whole number from 1 to 600000, got "1500.5"/],
  ['send', '--rate', '99999999/s', /--rate: at most 6,000,000\/min \(100,000\/s\), got "99999999\/s"/],
  ['send', '--rate', '6000001', /--rate: at most 6,000,000\/min/],
  ['emulate', '--timeout', '0.5', /--timeout: expected a whole number from 1 to 600000, got "0.5"/],
  // Number() reads these as whole numbers, but the message asks for one, and --limit, --last and the ports refuse them.
  ['send', '--timeout', '1e3', /--timeout: expected a whole number from 1 to 600000, got "1e3"/],
  ['send', '--timeout', '0x3e8', /--timeout: expected a whole number from 1 to 600000, got "0x3e8"/],
  ['emulate', '--timeout', '1e3', /--timeout: expected a whole number from 1 to 600000, got "1e3"/],
  // Number() reads hex, exponents and padded values too; a fractional flag takes plain decimals only.
  [
    'send',
    '--time-scale',
    '0x10',
    /--time-scale: expected a decimal number from 0.000001 to 1000, got "0x10"/,
  ],
  [
    'send',
    '--time-scale',
    '1e-3',
    /--time-scale: expected a decimal number from 0.000001 to 1000, got "1e-3"/,
  ],
  ['send', '--time-scale', ' 2', /--time-scale: expected a decimal number from 0.000001 to 1000, got " 2"/],
  [
    'emulate',
    '--time-scale',
    '0x10',
    /--time-scale: expected a decimal number from 0.000001 to 1000, got "0x10"/,
  ],
])('hookscope %s %s %s is a usage error naming the flag', async (command, flag, value, message) => {
  const t = cliIo();
  const args =
    command === 'send'
      ? ['send', 'http://127.0.0.1:1/', '-d', 'x', flag, value]
      : ['emulate', 'ortto-test', '--to', 'http://127.0.0.1:1/', flag, value];
  expect(await main(args, t.io)).toBe(2);
  expect(t.err()).toMatch(message);
  expect(t.err()).not.toMatch(/"code":/);
});
