import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';
import { formatInt } from '../../../electron/shared/decode/values';

// A precision warning says a receiver reads another number than the one sent; it must not fire on digit count alone.
describe('precision warnings compare the value sent with what the double holds', () => {
  const body =
    '{"p":1.50000000000000000,"e":1e21,"z":0.1000000000000000,"n":-2.50000000000000000000e3,' +
    '"id":9007199254740993,"f":0.10000000000000001,"big":1e23,"round":12345678901234567000}';
  const r = decodeCapture(input(body));
  const warnings = (path: string) => node(r, path).warnings.map((w) => w.message);

  it('stays silent when the double holds the very number sent, however many digits were written', () => {
    for (const path of ['$.p', '$.e', '$.z', '$.n']) expect([path, warnings(path)]).toEqual([path, []]);
    expect(node(r, '$.p').display).toBe('1.50000000000000000');
    expect(node(r, '$.e').display).toBe('1e21');
  });

  it('warns when it does not, naming what a receiver reads', () => {
    expect(warnings('$.id')).toEqual([
      'Beyond what a double holds exactly (2^53): shown as sent; a receiver that parses it as a number reads 9007199254740992.',
    ]);
    // A fraction's digits are rounded, far below 2^53.
    expect(warnings('$.f')).toEqual([
      'More digits than a double holds: shown as sent; a receiver that parses it as a number reads 0.1.',
    ]);
    expect(node(r, '$.f').warnings.map((w) => w.code)).toEqual(['precision']);
    for (const path of ['$.big', '$.round']) expect(warnings(path).join(' ')).toMatch(/2\^53/);
    expect(node(r, '$.round').display).toBe('12345678901234567000');
  });
});

// Past 2^53 String() prints the shortest digits that read back as the same double, not the integer the double holds.
describe('a precision warning on a whole number quotes the exact integer the double holds', () => {
  const r = decodeCapture(input('{"round":12345678901234567000,"big":1e23,"id":9007199254740993}'));
  const warning = (path: string) =>
    node(r, path)
      .warnings.map((w) => w.message)
      .join(' ');

  it('names every digit a receiver reads', () => {
    expect(warning('$.round')).toMatch(/reads 12345678901234567168\.$/);
    expect(warning('$.big')).toMatch(/reads 99999999999999991611392\.$/);
    expect(warning('$.id')).toMatch(/reads 9007199254740992\.$/);
  });

  it('in an Ortto int field sent as a string', () => {
    expect(formatInt('12345678901234567891', 'integer', false).problems).toContain(
      'Integer beyond 2^53: shown as sent; a receiver that parses it as a number reads 12345678901234567168.',
    );
  });
});
