import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { formatInt } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

describe('an Ortto int sent as the string "-0"', () => {
  it('shows what was sent when unscaled, as a -0 number does', () => {
    const r = decodeCapture(input('{"contact":{"int:cm:n":"-0","int:cm:m":-0}}'));
    expect(node(r, '$.contact["int:cm:n"]').display).toBe('-0');
    expect(node(r, '$.contact["int:cm:m"]').display).toBe('-0');
    expect(formatInt('-0', 'integer', false)).toMatchObject({
      display: '-0',
      problems: ['Number sent as a string.'],
    });
  });

  it('reads as zero when ×1000, naming the wire text', () => {
    expect(formatInt('-0', 'currency', true)).toMatchObject({
      display: '0.00',
      details: ['-0 on the wire ÷ 1000'],
      problems: ['Number sent as a string.'],
    });
  });
});

// sst is a string set whose display type is text_list, for the sst::t Tags attribute and custom sets alike
// (DOMAIN-NOTES §1, the type table): both are typed the same.
describe('Ortto string sets', () => {
  it('sst::t in an activity and a custom sst:cm: field have the same type', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({
          activity: { field_id: 'act::ta', attr: { 'sst::t': ['vip', 'trial'] } },
          contact: { 'sst:cm:plan': ['Paid', 'VIP'] },
          webhook_id: 'w',
        }),
      ),
    );
    expect(node(r, '$.activity.attr["sst::t"]').type).toBe('string-list');
    expect(node(r, '$.contact["sst:cm:plan"]').type).toBe('string-list');
  });
});
