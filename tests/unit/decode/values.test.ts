import { describe, expect, it } from 'vitest';
import {
  formatBoolean,
  formatDate,
  formatGeo,
  formatInt,
  formatList,
  formatPhone,
  formatPlain,
  formatStarList,
  formatTimestamp,
  formatUnixSeconds,
  scaleThousand,
} from '../../../electron/shared/decode/values';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('typed values', () => {
  it.each([
    [15300, 'currency', '15.30'],
    [49500, 'currency', '49.50'],
    [-1250, 'currency', '-1.25'],
    [1, 'currency', '0.001'],
    [1500, 'decimal', '1.5'],
    [2000, 'decimal', '2'],
    [0, 'decimal', '0'],
  ])('int %d as %s → %s (÷1000)', (v, dt, shown) => {
    const f = formatInt(v, dt, true);
    expect(f.display).toBe(shown);
    expect(f.type).toBe(dt);
    expect(f.problems).toEqual([]);
  });

  it('plain integers are not scaled; non-integers are suspicious', () => {
    expect(formatInt(42, 'integer', false).display).toBe('42');
    expect(formatInt(1.5, 'currency', true).problems.length).toBeGreaterThan(0);
    expect(formatInt('12', 'integer', false).problems).toContain('Number sent as a string.');
    expect(scaleThousand(123456789, 2)).toBe('123456.789');
    expect(scaleThousand(0, 2)).toBe('0.00');
    expect(scaleThousand(-5, 0)).toBe('-0.005');
    // Past 2^53 a plain number is still whole: exact digits and the currency's cents, not "100000000000000000".
    expect(scaleThousand(1e20, 2)).toBe('100000000000000000.00');
    expect(scaleThousand(-(2 ** 60), 2)).toBe('-1152921504606846.976');
  });

  it('tme keeps up to 9 fractional digits and gives the instant', () => {
    const f = formatTimestamp('2023-10-03T04:11:24.25726779Z');
    expect(f.display).toBe('2023-10-03 04:11:24.25726779 UTC');
    expect(f.epochMs).toBe(Date.UTC(2023, 9, 3, 4, 11, 24, 257));
    const offset = formatTimestamp('2023-10-03T14:11:24+10:00');
    expect(offset.display).toBe('2023-10-03 04:11:24 UTC');
    expect(formatTimestamp('yesterday').problems).toEqual(['Not an RFC 3339 time.']);
  });

  it('phn {c, n} is an international number', () => {
    expect(formatPhone({ c: '61', n: '401234567' }).display).toBe('+61 401234567');
    expect(formatPhone({ c: 61, n: '0401234567' }).problems).toContain(
      'National number starts with a trunk 0.',
    );
    expect(formatPhone({ c: 'x1', n: '' }).problems.length).toBe(2);
  });

  it('phn: a leading 0 is a trunk prefix to warn about, except where it is part of the number (Italy)', () => {
    expect(formatPhone({ c: '61', n: '0401234567' }).problems).toEqual([
      'National number starts with a trunk 0.',
    ]);
    expect(formatPhone({ c: '39', n: '0612345678' })).toMatchObject({
      display: '+39 0612345678',
      problems: [],
    });
  });

  it('geo lat/lng are ÷ 1,000,000', () => {
    const f = formatGeo({ name: 'Kolkata', id: 0, lat: 37751000, lng: -97822000 });
    expect(f.display).toBe('Kolkata (37.751000, -97.822000)');
    expect(formatGeo({ name: 'X', lat: 91_000_000, lng: 0 }).problems.length).toBe(1);
    expect(formatGeo({ name: 'Melbourne' }).display).toBe('Melbourne');
  });

  it('geo: a name that is not text is shown as sent, not dropped as "(no name)"', () => {
    const numeric = formatGeo({ name: 6252001, lat: 37751000, lng: -97822000 });
    expect(numeric.display).toBe('6252001 (37.751000, -97.822000)');
    expect(numeric.problems).toEqual(['Expected the name as a string; shown as sent.']);
    expect(formatGeo({ name: { en: 'Paris' } }).display).toBe('{"en":"Paris"}');
    expect(formatGeo({ name: null, id: 3 }).problems).toEqual([]);
  });

  it('typed fields beyond 2^53 keep the digits sent: int (scaled exactly) and idt', () => {
    const r = decodeCapture(
      input(
        '{"activity":{"field_id":"act::c","attr":{"int::v":12345678901234567,"idt::c":123456789012345678901,"int:cm:n":-90071992547409931}}}',
      ),
    );
    const scaled = node(r, '$.activity.attr["int::v"]');
    expect(scaled.display).toMatch(/^12345678901234\.567/);
    expect(scaled.details).toContain('12345678901234567 on the wire ÷ 1000');
    expect(node(r, '$.activity.attr["idt::c"]').display).toBe('123456789012345678901');
    expect(node(r, '$.activity.attr["int:cm:n"]').display).toBe('-90071992547409931');
    for (const n of [scaled, node(r, '$.activity.attr["int:cm:n"]')])
      expect(n.warnings.map((w) => w.message).join(' ')).toMatch(/beyond 2\^53: shown as sent/);
  });

  it('an int sent as a string of more than 2^53 keeps its digits (scaled exactly when currency)', () => {
    const scaled = formatInt('12345678901234567891', 'currency', true);
    expect([scaled.display, scaled.details]).toEqual([
      '12345678901234567.891',
      ['12345678901234567891 on the wire ÷ 1000'],
    ]);
    const plain = formatInt('9007199254740993', 'integer', false);
    expect(plain.display).toBe('9007199254740993');
    expect(plain.problems).toEqual([
      'Integer beyond 2^53: shown as sent; a receiver that parses it as a number reads 9007199254740992.',
      'Number sent as a string.',
    ]);
  });

  it('numbers past a double’s range keep the digits sent, not Infinity or 0, and say why', () => {
    const body =
      '{"activity":{"field_id":"act::ws","attr":{"str::x":1e400,"int::pv":-1E999,"int::e":2.5e-400}}}';
    const r = decodeCapture(input(body));
    const shown = (key: string) => node(r, `$.activity.attr["${key}"]`);
    expect(['str::x', 'int::pv', 'int::e'].map((k) => shown(k).display)).toEqual([
      '1e400',
      '-1E999',
      '2.5e-400',
    ]);
    expect(shown('str::x').warnings.map((w) => w.message)).toContain(
      "Beyond a double's range: shown as sent; a receiver that parses it as a number reads Infinity.",
    );
    expect(
      shown('int::e')
        .warnings.map((w) => w.message)
        .join(' '),
    ).toMatch(/reads 0\./);
    // The whole value of the object, as copied, keeps them too (JSON.stringify would write Infinity as null).
    const attr = decodeCapture(input(body), undefined, { rawAt: '$.activity.attr' });
    expect(node(attr, '$.activity.attr').raw).toBe('{"str::x":1e400,"int::pv":-1E999,"int::e":2.5e-400}');
  });

  it('dtz is a date with its timezone', () => {
    expect(formatDate({ year: 1980, month: 3, day: 4, timezone: 'Australia/Sydney' }).display).toBe(
      '1980-03-04 (Australia/Sydney)',
    );
    expect(formatDate({ year: 1980, month: 13, day: 4 }).problems.length).toBe(1);
    expect(formatDate({ year: 1980, month: 2, day: 30 }).problems).toEqual([
      'There is no day 30 in that month.',
    ]);
    expect(formatDate({ year: 1980, month: 2, day: 29 }).problems).toEqual([]);
  });

  it('dtz with a part missing, odd or sent as a string shows what was sent and names the part', () => {
    const noDay = formatDate({ year: 1980, month: 3 });
    expect([noDay.display, noDay.problems]).toEqual(['1980-03-??', ['No day.']]);
    const strings = formatDate({ year: '1980', month: '3', day: '4' });
    expect([strings.display, strings.problems]).toEqual([
      '1980-03-04',
      ['year, month, day sent as strings (expected numbers).'],
    ]);
    const odd = formatDate({ year: { y: 1 }, month: 'March', day: null });
    expect(odd.display).toBe('{"y":1}-"March"-null');
    expect(odd.problems).toEqual(['year, month, day should be whole numbers; shown as sent.']);
    expect(formatDate({}).display).toBe('????-??-??');
  });

  it('booleans, id lists, tag lists', () => {
    expect(formatBoolean(true).display).toBe('true');
    expect(formatBoolean('true').problems).toEqual(['Boolean sent as a string.']);
    expect(formatList([123, 456], 'id-list').display).toBe('123, 456');
    expect(formatList(['vip', 'trial'], 'tag-list').display).toBe('vip, trial');
  });

  it('a tag ID beyond 2^53 in a u4s list is a number shown as sent, flagged for precision', () => {
    const r = decodeCapture(
      input(
        '{"activity":{"field_id":"act::ta","attr":{"u4s::t":[12345678901234567890,5]}},"webhook_id":"w"}',
      ),
    );
    const ids = node(r, '$.activity.attr["u4s::t"]');
    expect(ids.display).toBe('12345678901234567890, 5');
    expect(ids.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'precision',
        '12345678901234567890 is beyond 2^53: shown as sent; a receiver that parses it as a number reads 12345678901234567168.',
      ],
    ]);
  });

  // The Decoded tree said "object · 1 keys" beside "array · 1 item".
  it("counts an object's keys and an array's items in the singular when there is one", () => {
    expect(formatPlain({ a: 1 }).display).toBe('1 key');
    expect(formatPlain({ a: 1, b: 2 }).display).toBe('2 keys');
    expect(formatPlain({}).display).toBe('0 keys');
    expect(formatPlain([1]).display).toBe('1 item');
  });

  it('Ontraport unix seconds and */* lists', () => {
    expect(formatUnixSeconds('1514940140').display).toBe('2018-01-03 00:42:20 UTC');
    expect(formatUnixSeconds('').display).toBe('(empty)');
    expect(formatUnixSeconds('1514940140000').problems[0]).toMatch(/^Looks like milliseconds, not seconds/);
    expect(formatUnixSeconds('soon').problems).toEqual(['Expected Unix seconds.']);
    expect(formatStarList('*/*4*/*12*/*').display).toBe('4, 12');
    // A list with no items reads like every other empty value.
    expect(formatStarList('*/*').display).toBe('(empty)');
    expect(formatStarList('*/**/*').display).toBe('(empty)');
  });
});

describe('typed values inside an Ortto payload', () => {
  const body = JSON.stringify({
    activity: {
      id: '00651b946bfef7e80478efee',
      field_id: 'act::ws',
      created: '2023-10-03T04:11:23Z',
      attr: {
        'str::lt': 'Pricing',
        'int::v': 15300,
        'int::pv': 3,
        'int::dm': 2500,
        'geo::city': { name: 'Kolkata', id: 0, lat: 22572600, lng: 88363900 },
        'bol::a': false,
      },
    },
    contact: {
      contact_id: '00651b946baa9be6b2edad00',
      email: 'alex@example.com',
      first_name: 'Alex',
      phone_number: { c: '61', n: '401234567' },
      birthday: { year: 1980, month: 3, day: 4, timezone: 'Australia/Sydney' },
      'str::lt': 'Australia/Sydney',
      'u4s::t': [12, 34],
    },
    id: '00651b946cef87c7af64f4f3',
    time: '2023-10-03T04:11:24.25726779Z',
    webhook_id: '651b8aec8002153e16319fd3',
  });
  const r = decodeCapture(input(body));

  it.each([
    ['$.activity.attr["str::lt"]', 'Last page title', 'string', 'Pricing'],
    ['$.activity.attr["int::v"]', 'Value', 'currency', '15.30'],
    ['$.activity.attr["int::pv"]', 'Pages visited', 'integer', '3'],
    ['$.activity.attr["int::dm"]', 'Duration in minutes', 'decimal', '2.5'],
    ['$.activity.attr["geo::city"]', 'City', 'geo', 'Kolkata (22.572600, 88.363900)'],
    ['$.activity.attr["bol::a"]', 'Anonymous user', 'boolean', 'false'],
    ['$.contact.phone_number', 'Phone number', 'phone', '+61 401234567'],
    ['$.contact.birthday', 'Birthday', 'date', '1980-03-04 (Australia/Sydney)'],
    ['$.contact.first_name', 'First name', 'string', 'Alex'],
    ['$.contact["str::lt"]', 'Last timezone', 'string', 'Australia/Sydney'],
    ['$.contact["u4s::t"]', 'Tag', 'id-list', '12, 34'],
    ['$.time', 'Sent at', 'timestamp', '2023-10-03 04:11:24.25726779 UTC'],
  ])('%s → %s (%s) %s', (path, label, type, display) => {
    const n = node(r, path);
    expect(n.label).toBe(label);
    expect(n.type).toBe(type);
    expect(n.display).toBe(display);
  });

  it('raw keys and raw values are kept', () => {
    const n = node(r, '$.activity.attr["int::v"]');
    expect(n.key).toBe('int::v');
    expect(n.raw).toBe('15300');
    expect(n.fieldId).toBe('int::v');
  });
});
