import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { formatInt } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

// Ortto's int is an int64 (DOMAIN-NOTES §1, the type table): past 2^63 − 1 it cannot be an Ortto value at all.
const INT64_NOTE = /^Beyond Ortto's int64 range \(-9223372036854775808 to 9223372036854775807/;
const messages = (body: string, key: string) =>
  node(decodeCapture(input(body)), `$.contact["${key}"]`).warnings.map((w) => w.message);

describe('an Ortto int beyond int64', () => {
  it('says Ortto cannot hold it, beside the 2^53 warning', () => {
    const shown = messages('{"contact":{"int:cm:big":12345678901234567890}}', 'int:cm:big');
    expect(shown.some((m) => m.startsWith('Integer beyond 2^53: shown as sent'))).toBe(true);
    expect(shown.some((m) => INT64_NOTE.test(m))).toBe(true);
  });

  it('below -2^63 too, and as a string; scaled values are checked on the wire', () => {
    expect(formatInt('-9223372036854775809', 'integer', false).problems.some((m) => INT64_NOTE.test(m))).toBe(
      true,
    );
    expect(formatInt('9223372036854775808', 'integer', false).problems.some((m) => INT64_NOTE.test(m))).toBe(
      true,
    );
    expect(formatInt('9300000000000000000', 'currency', true).problems.some((m) => INT64_NOTE.test(m))).toBe(
      true,
    );
  });

  it('the int64 limits themselves fit', () => {
    for (const digits of ['9223372036854775807', '-9223372036854775808'])
      expect(formatInt(digits, 'integer', false).problems.some((m) => INT64_NOTE.test(m))).toBe(false);
    expect(messages('{"contact":{"int:cm:n":9007199254740993}}', 'int:cm:n').join(' ')).not.toMatch(/int64/);
  });
});
