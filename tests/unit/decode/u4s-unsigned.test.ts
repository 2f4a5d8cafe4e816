import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// u4s is a set of unsigned integers (DOMAIN-NOTES §1.2, u4s::t tag IDs): a negative or fractional item names no tag.
describe('a u4s set', () => {
  const warningsOf = (attr: string) =>
    node(
      decodeCapture(input(`{"activity":{"field_id":"act::ta","attr":{"u4s::t":${attr}}}}`)),
      '$.activity.attr["u4s::t"]',
    ).warnings.map((w) => w.message);

  it('flags a negative item', () => {
    expect(warningsOf('[12,-5]')).toEqual([
      '-5 is not an unsigned integer (u4s items are whole numbers from 0).',
    ]);
  });

  it('flags a fractional item', () => {
    expect(warningsOf('[1.5]')).toEqual([
      '1.5 is not an unsigned integer (u4s items are whole numbers from 0).',
    ]);
  });

  it('takes whole numbers from 0 as they are', () => {
    expect(warningsOf('[0,12,1e3]')).toEqual([]);
  });
});
