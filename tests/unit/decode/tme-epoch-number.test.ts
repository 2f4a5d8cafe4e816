import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { formatTimestamp } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

const EXPECTED =
  'Expected an RFC 3339 time string such as "2023-10-03T04:11:23Z" (how Ortto sends tme values), not a number; shown as sent.';

describe('Ortto tme values sent as epoch numbers', () => {
  it.each([
    [1_700_000_000, 'seconds'],
    [1_700_000_000_000, 'milliseconds'],
    [1_700_000_000_000_000, 'microseconds'],
  ])('shows %s as sent, warns what was expected, and notes its reading as %s', (sent, unit) => {
    const f = formatTimestamp(sent);
    expect(f.display).toBe(String(sent));
    expect(f.display).not.toContain('invalid date');
    expect(f.epochMs).toBeNull();
    expect(f.problems).toEqual([EXPECTED]);
    expect(f.details).toEqual([`Read as Unix ${unit} (by its size) it would be 2023-11-14 22:13:20 UTC.`]);
  });

  it('keeps the digits of a nanosecond epoch beyond 2^53 in the decoded tree', () => {
    const body =
      '{"activity":{"field_id":"act::s-ce"},"webhook_id":"w1","contact":{"tme:cm:booked":1700000000123456789}}';
    const f = node(decodeCapture(input(body)), '$.contact["tme:cm:booked"]');
    expect(f.display).toBe('1700000000123456789');
    expect(f.details).toContain(
      'Read as Unix nanoseconds (by its size) it would be 2023-11-14 22:13:20 UTC.',
    );
    const warnings = decodeCapture(input(body)).warnings.map((w) => w.message);
    expect(warnings).toContain(EXPECTED);
  });

  it('a number too large for any reading is shown as sent with the warning only', () => {
    const f = formatTimestamp(1e300);
    expect(f.display).toBe('1e+300');
    expect(f.problems).toEqual([EXPECTED]);
    expect(f.details).toEqual([]);
  });

  it('a digit string gets the same epoch reading as a detail, besides not being RFC 3339', () => {
    const f = formatTimestamp('1700000000');
    expect(f.display).toBe('1700000000');
    expect(f.problems).toEqual(['Not an RFC 3339 time.']);
    expect(f.details).toEqual(['Read as Unix seconds (by its size) it would be 2023-11-14 22:13:20 UTC.']);
    expect(formatTimestamp('soon').details).toEqual([]);
  });
});
