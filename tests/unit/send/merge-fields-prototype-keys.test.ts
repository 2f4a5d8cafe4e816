import { describe, expect, it } from 'vitest';
import { recordFromPayload, resolveTemplate } from '../../../electron/shared/send/merge-fields';

// The composer can take its merge record from a capture: the payload's keys are the sender's.
describe('a merge record whose keys name Object.prototype members', () => {
  it.each(['Constructor', 'constructor', 'to_String', 'valueOf'])(
    '%s: the other fields still resolve',
    (key) => {
      const record = recordFromPayload('application/json', JSON.stringify({ [key]: 'k', email: 'a@b.co' }));
      expect(resolveTemplate('[Email] [Zip Code] [First Name]', record)).toEqual({
        text: 'a@b.co [Zip Code] [First Name]',
        unresolved: ['[Zip Code]', '[First Name]'],
      });
    },
  );

  it('a merge field named like one finds its own column only', () => {
    expect(resolveTemplate('[constructor]|[Constructor]', { email: 'a@b.co' })).toEqual({
      text: '[constructor]|[Constructor]',
      unresolved: ['[constructor]', '[Constructor]'],
    });
    expect(resolveTemplate('[Constructor]', { constructor: 'yes' }).text).toBe('yes');
  });

  it.each([
    ['JSON', 'application/json', '{"__proto__":"x","a":"1"}'],
    ['form', 'application/x-www-form-urlencoded', '__proto__=x&a=1'],
  ])('a %s key named __proto__ is kept as a field and fills {{__proto__}}', (_, type, body) => {
    const record = recordFromPayload(type, body);
    expect(Object.keys(record)).toEqual(['__proto__', 'a']);
    expect(Object.hasOwn(record, '__proto__')).toBe(true);
    expect(resolveTemplate('{{__proto__}}/[a]', record).text).toBe('x/1');
  });

  it('a nested __proto__ object is flattened to its paths and pollutes nothing', () => {
    const record = recordFromPayload('application/json', '{"__proto__":{"polluted":"y"},"a":"1"}');
    expect(Object.keys(record)).toEqual(['__proto__.polluted', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
