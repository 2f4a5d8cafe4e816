import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// An empty string in an Ortto field showed a blank value cell; Ontraport's empty fields read "(empty)".
describe('an empty string in an Ortto field', () => {
  const r = decodeCapture(
    input(
      '{"activity":{"field_id":"act::c","attr":{"str::cn":"","int::v":"","tme:cm:when":""}},' +
        '"contact":{"contact_id":"x","email":""}}',
    ),
  );

  it('reads "(empty)", and copies as the empty string sent', () => {
    for (const path of [
      '$.activity.attr["str::cn"]',
      '$.activity.attr["int::v"]',
      '$.activity.attr["tme:cm:when"]',
      '$.contact.email',
    ]) {
      expect(node(r, path).display, path).toBe('(empty)');
      expect(node(r, path).raw, path).toBe('""');
    }
  });

  it('keeps its warnings for a typed field', () => {
    expect(node(r, '$.activity.attr["int::v"]').warnings.map((w) => w.message)).toEqual([
      'Expected an integer.',
    ]);
  });
});
