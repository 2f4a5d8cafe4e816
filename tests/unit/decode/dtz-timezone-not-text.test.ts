import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { formatDate } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

const TIMEZONE_WARNING =
  'Expected the timezone as a string (an IANA name such as "Australia/Sydney"); shown as sent.';

describe('a dtz timezone that is not a string', () => {
  it.each([
    [10, '1980-03-04 (10)'],
    [{ name: 'Australia/Sydney' }, '1980-03-04 ({"name":"Australia/Sydney"})'],
    [true, '1980-03-04 (true)'],
  ])('%j is shown as sent and named in a warning', (timezone, shown) => {
    const f = formatDate({ year: 1980, month: 3, day: 4, timezone });
    expect(f.display).toBe(shown);
    expect(f.problems).toEqual([TIMEZONE_WARNING]);
  });

  it('a timezone that is absent, null or empty says nothing, as before', () => {
    for (const timezone of [undefined, null, ''])
      expect(formatDate({ year: 1980, month: 3, day: 4, timezone })).toMatchObject({
        display: '1980-03-04',
        problems: [],
      });
  });

  it('in a decoded Ortto body the warning sits on the field', () => {
    const body = JSON.stringify({ contact: { 'dtz::b': { year: 1980, month: 3, day: 4, timezone: 10 } } });
    const birthday = node(decodeCapture(input(body)), '$.contact["dtz::b"]');
    expect(birthday.display).toBe('1980-03-04 (10)');
    expect(birthday.warnings.map((w) => w.message)).toContain(TIMEZONE_WARNING);
  });
});
