import { describe, expect, it } from 'vitest';
import {
  draftToRule,
  ruleToDraft,
  switchBodyEncoding,
} from '../../../renderer/src/features/endpoints/RuleEditor';

const draft = ruleToDraft({ status: 200, headers: [], body: '', delayMs: 0, behaviour: { kind: 'fixed' } });

describe('a rule body over the 1,000,000-character limit', () => {
  it('says, naming the field, that the body as base64 is over the limit and by how much', () => {
    // 800,000 characters of text fit; switched to base64 they become 1,066,668 characters.
    const text = 'a'.repeat(800_000);
    expect(draftToRule({ ...draft, body: text }).error).toBeNull();
    const body = switchBodyEncoding(text, 'base64');
    expect(body).toHaveLength(1_066_668);
    expect(draftToRule({ ...draft, body, bodyEncoding: 'base64' }).error).toBe(
      'Body: 1,066,668 characters as base64, 66,668 over the limit of 1,000,000 ' +
        '(base64 takes 4 characters for every 3 bytes: 750,000 bytes fit)',
    );
  });

  it('says how far over a text body is', () => {
    expect(draftToRule({ ...draft, body: 'b'.repeat(1_000_005) }).error).toBe(
      'Body: 1,000,005 characters, 5 over the limit of 1,000,000',
    );
  });
});
