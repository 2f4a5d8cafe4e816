import { describe, expect, it } from 'vitest';
import { endpointInput } from '../../../electron/shared/contract/endpoints';
import {
  draftToProtection,
  protectionToDraft,
  type Protection,
  type ProtectionDraft,
} from '../../../renderer/src/features/endpoints/ProtectionEditor';
import { errorField } from '../../../renderer/src/features/endpoints/error-field';

const cases: Protection[] = [
  { auth: { kind: 'none' }, verify: null, rateLimitPerMinute: 0 },
  { auth: { kind: 'basic', username: 'ortto', password: 'p:ss wörd' }, verify: null, rateLimitPerMinute: 60 },
  {
    auth: { kind: 'header', name: 'X-Api-Key', value: 'k' },
    verify: { scheme: 'github', secret: 's', toleranceSeconds: 45 },
    rateLimitPerMinute: 1,
  },
  {
    auth: { kind: 'none' },
    verify: { scheme: 'stripe', secret: 's', toleranceSeconds: 300, onFailure: 'refuse-401' },
    rateLimitPerMinute: 0,
  },
  {
    auth: { kind: 'query', name: 'access_key', value: 'v' },
    verify: {
      scheme: 'hmac',
      secret: 'x',
      toleranceSeconds: 0,
      header: 'X-Sig',
      algorithm: 'sha512',
      encoding: 'base64',
    },
    rateLimitPerMinute: 1_000_000,
  },
];

describe('endpoint protection form state', () => {
  it.each(cases)(
    'round-trips %j through the form draft, and the API schema accepts the result',
    (protection) => {
      const back = draftToProtection(protectionToDraft(protection));
      expect(back).toEqual({ protection, error: null });
      expect(endpointInput.partial().safeParse(back.protection).success).toBe(true);
    },
  );

  it('names the field for a malformed rate limit or tolerance, and returns no protection', () => {
    const draft = { ...protectionToDraft({}), rateLimit: '12.5' };
    expect(draftToProtection(draft)).toEqual({
      protection: null,
      error: expect.stringMatching(/^Rate limit:/),
    });
    const verify = { ...protectionToDraft({}), scheme: 'stripe' as const, tolerance: 'soon' };
    expect(draftToProtection(verify).error).toMatch(/^Signature tolerance:/);
  });

  it('names the form field for a rate limit or tolerance over what the engine accepts', () => {
    const draft = { ...protectionToDraft({}), rateLimit: '1000001' };
    expect(draftToProtection(draft).error).toBe(
      'Rate limit: a whole number of requests per minute from 0 to 1000000 (0 = unlimited)',
    );
    const verify = { ...protectionToDraft({}), scheme: 'stripe' as const, secret: 's', tolerance: '86401' };
    expect(draftToProtection(verify).error).toBe(
      'Signature tolerance: a whole number of seconds from 0 to 86400',
    );
  });

  it.each(['github', 'shopify'] as const)(
    '%s signs no timestamp: the hidden tolerance keeps its stored value and never blocks the save',
    (scheme) => {
      const stored = protectionToDraft({ verify: { scheme, secret: 's', toleranceSeconds: 45 } });
      expect(draftToProtection(stored).protection?.verify?.toleranceSeconds).toBe(45);
      const typedElsewhere = { ...stored, tolerance: '86401' };
      expect(draftToProtection(typedElsewhere)).toMatchObject({
        error: null,
        protection: { verify: { scheme, toleranceSeconds: 300 } },
      });
    },
  );

  it('sends the HMAC-only fields for the generic scheme alone', () => {
    const draft = { ...protectionToDraft({}), scheme: 'shopify' as const, secret: 's', header: 'X-Ignored' };
    expect(draftToProtection(draft).protection?.verify).toEqual({
      scheme: 'shopify',
      secret: 's',
      toleranceSeconds: 300,
    });
  });
});

describe('signature verification no sender could pass', () => {
  const verify = (scheme: 'github' | 'standard-webhooks', secret: string) =>
    draftToProtection({ ...protectionToDraft({}), scheme, secret });

  it('names the secret field for a blank secret or a Standard Webhooks secret that is not base64', () => {
    expect(verify('github', '')).toEqual({
      protection: null,
      error: 'Signature secret: required for github verification',
    });
    expect(verify('standard-webhooks', 'whsec_not base64').error).toMatch(
      /^Signature secret: a Standard Webhooks secret is base64/,
    );
    expect(verify('standard-webhooks', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').error).toBeNull();
  });

  it('names the secret field for a secret pasted with a space, tab or line break around it', () => {
    for (const secret of [' s3cret', 's3cret ', 's3cret\n', '\twhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw']) {
      const scheme = secret.includes('whsec_') ? 'standard-webhooks' : 'github';
      expect(verify(scheme, secret)).toEqual({
        protection: null,
        error: expect.stringMatching(/^Signature secret: starts or ends with a space, tab or line break/),
      });
    }
    expect(verify('github', 'in side').protection?.verify?.secret).toBe('in side');
  });
});

describe('header auth a sender could never match', () => {
  const header = (authName: string, authValue: string) =>
    draftToProtection({ ...protectionToDraft({}), authKind: 'header', authName, authValue });

  it('names the field for a header name with a space and a value with surrounding whitespace', () => {
    expect(header('X Token', 's3cret')).toEqual({
      protection: null,
      error: expect.stringMatching(/^Header name: "X Token" is not a valid header name/),
    });
    expect(header('X-Token', ' s3cret ')).toEqual({
      protection: null,
      error: expect.stringMatching(/^Header value: starts or ends with a space or tab/),
    });
    expect(header('X-Token', 's3\rcret').error).toMatch(
      /^Header value: contains the control character U\+000D/,
    );
  });

  it('keeps a trimmed name and a value with inner spaces', () => {
    expect(header(' X-Token ', 'in side').protection?.auth).toEqual({
      kind: 'header',
      name: 'X-Token',
      value: 'in side',
    });
  });
});

describe('auth the API would refuse in its own terms', () => {
  const draft = (patch: Partial<ProtectionDraft>) =>
    draftToProtection({ ...protectionToDraft({}), ...patch });

  it.each([
    [{ authKind: 'basic', username: 'ortto', password: '' }, 'Password: required', 'endpoint-auth-password'],
    [{ authKind: 'basic', username: '', password: 'p' }, 'Username: required', 'endpoint-auth-username'],
    [{ authKind: 'header', authName: '', authValue: 'k' }, 'Header name: required', 'endpoint-auth-name'],
    [
      { authKind: 'header', authName: 'X-Key', authValue: '' },
      'Header value: required',
      'endpoint-auth-value',
    ],
    [{ authKind: 'query', authName: ' ', authValue: 'k' }, 'Parameter name: required', 'endpoint-auth-name'],
    [
      { authKind: 'query', authName: 'key', authValue: '' },
      'Parameter value: required',
      'endpoint-auth-value',
    ],
  ] as const)('%j is refused as "%s", on the form field %s', (patch, error, field) => {
    expect(draft(patch)).toEqual({ protection: null, error });
    expect(errorField(error)).toBe(field);
  });

  it('names the signature header field for a generic HMAC header no sender could send', () => {
    const result = draft({ scheme: 'hmac', secret: 's', header: 'X Sig' });
    expect(result.error).toMatch(/^Signature header: "X Sig" is not a valid header name/);
    expect(errorField(result.error!)).toBe('endpoint-verify-header');
  });
});
