import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../electron/shared/send/bytes';
import { buildOutgoing, type DraftRequest } from '../../../electron/shared/send/outgoing';

const named = 'not valid base64 (use A–Z, a–z, 0–9, + and /, padded with =)';

const draft = (body: string): DraftRequest => ({
  method: 'POST',
  url: 'https://example.com/hook',
  headers: [],
  auth: { kind: 'none' },
  bodyMode: 'base64',
  body,
});

describe('base64 whose padding does not fit its length', () => {
  it.each(['abcde=', 'a=', 'abcde==', 'abcd==', 'abcdefgh=='])(
    'refuses %s with the named message',
    (text) => {
      expect(() => base64ToBytes(text)).toThrow(new Error(named));
    },
  );

  it('is reported on the body as bad base64, not as a browser exception', () => {
    expect(buildOutgoing(draft('abcde='), {}).errors).toEqual([{ field: 'body', message: `body: ${named}` }]);
  });

  it('still reads padding that is left out or complete', () => {
    for (const [text, hex] of [
      ['ab', '69'],
      ['ab=', '69'],
      ['ab==', '69'],
      ['abc=', '69b7'],
      ['abcdef', '69b71d79'],
      ['abcdef=', '69b71d79'],
      ['abcdef==', '69b71d79'],
      ['AP8B', '00ff01'],
      ['', ''],
    ]) {
      expect(Buffer.from(base64ToBytes(text as string)).toString('hex')).toBe(hex);
    }
  });
});
