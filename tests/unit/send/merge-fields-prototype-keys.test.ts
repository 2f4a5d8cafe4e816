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
});
