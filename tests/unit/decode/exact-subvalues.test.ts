import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

/** Numbers beyond 2^53 inside phn/geo objects reach the formatters as the digits sent, not as raw JSON objects. */
const decoded = (contact: string) =>
  decodeCapture(input(`{"activity":{"field_id":"act::s-ce"},"webhook_id":"w1","contact":${contact}}`));

describe('phn and geo sub-values beyond 2^53', () => {
  it('reads a phone number n beyond 2^53 as its digits', () => {
    const phone = node(
      decoded('{"phn::phone":{"c":61,"n":40123456789012345678}}'),
      '$.contact["phn::phone"]',
    );
    expect(phone.display).toBe('+61 40123456789012345678');
    expect(phone.details).toContain('country code 61, national number 40123456789012345678');
    expect(phone.type).toBe('phone');
  });

  it('reads a country code beyond 2^53 as its digits (and flags it)', () => {
    const result = decoded('{"phn::phone":{"c":61000000000000000001,"n":"401234567"}}');
    expect(node(result, '$.contact["phn::phone"]').display).toBe('+61000000000000000001 401234567');
    expect(result.warnings.map((w) => w.message)).toContain('Country calling code is not 1–4 digits.');
  });

  it('shows geo lat/lng beyond 2^53 as their digits', () => {
    const city = node(
      decoded('{"geo::city":{"name":"Far","lat":37751000000000000001,"lng":-97822000}}'),
      '$.contact["geo::city"]',
    );
    expect(city.display).toContain('Far');
    expect(city.details.join('\n')).toContain('lat 37751000000000000001 ÷ 1,000,000');
    expect(city.display).not.toContain('lat {');
  });
});

it('never reports a big national number as missing', () => {
  const result = decoded('{"phn::phone":{"c":61,"n":40123456789012345678}}');
  expect(result.warnings.map((w) => w.message)).not.toContain('No national number (n).');
});
