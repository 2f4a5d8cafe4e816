import { describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { useEngineApi } from '../../helpers/engine-api';
import { refusal } from '../../helpers/refusal';

const s = useEngineApi();

describe('header auth settings no sender could match', () => {
  it.each([
    [
      'a name with a space',
      { name: 'X Token', value: 's3cret' },
      /^auth\.name: "X Token" is not a valid header name/,
    ],
    [
      'a name with a colon',
      { name: 'X-Token:', value: 's3cret' },
      /^auth\.name: .* is not a valid header name/,
    ],
    [
      'a value with surrounding spaces',
      { name: 'X-Token', value: ' s3cret ' },
      /^auth\.value: starts or ends/,
    ],
    ['a value with a trailing tab', { name: 'X-Token', value: 's3cret\t' }, /^auth\.value: starts or ends/],
    ['a value with a line break', { name: 'X-Token', value: 's3\ncret' }, /^auth\.value: .*U\+000A/],
    ['a value with NUL', { name: 'X-Token', value: 's3\0cret' }, /^auth\.value: .*U\+0000/],
  ])('endpoints.create refuses %s, naming the field', async (_what, header, message) => {
    const error = await refusal(
      s.api.call('endpoints.create', { slug: 'never', name: 'Never', auth: { kind: 'header', ...header } }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect((await s.api.call('endpoints.list', {})).items.map((e) => e.slug)).not.toContain('never');
  });

  it('endpoints.update refuses one and keeps the auth that works', async () => {
    const ep = await s.api.call('endpoints.create', {
      slug: 'keyed',
      name: 'Keyed',
      auth: { kind: 'header', name: 'X-Token', value: 'in side\ttab' },
    });
    const error = await refusal(
      s.api.call('endpoints.update', { id: ep.id, auth: { kind: 'header', name: 'X-Token', value: 'new ' } }),
    );
    expect(error.message).toMatch(/^auth\.value: starts or ends with a space or tab/);
    const res = await send(`${s.engine.receiverUrl}/h/keyed/x`, {
      method: 'POST',
      headers: [['X-Token', 'in side\ttab']],
    });
    expect(res.status).toBe(200);
  });
});

describe('signature verification settings no sender could match', () => {
  it.each([
    ['a blank secret', { scheme: 'github', secret: '' }, /^verify\.secret: required for github/],
    [
      'a secret pasted with a line break after it',
      { scheme: 'stripe', secret: 'whsec_abc\n' },
      /^verify\.secret: starts or ends with a space, tab or line break/,
    ],
    [
      'a secret with a space before it',
      { scheme: 'hmac', secret: ' k' },
      /^verify\.secret: starts or ends with a space, tab or line break/,
    ],
    [
      'a Standard Webhooks secret that is not base64',
      { scheme: 'standard-webhooks', secret: 'whsec_!!!not-base64' },
      /^verify\.secret: a Standard Webhooks secret is base64/,
    ],
    [
      'an HMAC signature header with a space',
      { scheme: 'hmac', secret: 'k', header: 'X Sig' },
      /^verify\.header: "X Sig" is not a valid header name/,
    ],
  ] as const)('endpoints.create refuses %s, naming the field', async (_what, verify, message) => {
    const error = await refusal(s.api.call('endpoints.create', { slug: 'unverifiable', name: 'U', verify }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect((await s.api.call('endpoints.list', {})).items.map((e) => e.slug)).not.toContain('unverifiable');
  });

  it('endpoints.update refuses one and keeps the secret that verifies', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const ep = await s.api.call('endpoints.create', {
      slug: 'signed',
      name: 'Signed',
      verify: { scheme: 'standard-webhooks', secret, toleranceSeconds: 300 },
    });
    const error = await refusal(
      s.api.call('endpoints.update', {
        id: ep.id,
        verify: { scheme: 'standard-webhooks', secret: 'whsec_oops!' },
      }),
    );
    expect(error.message).toMatch(/^verify\.secret: a Standard Webhooks secret is base64/);
    const [stored] = (await s.api.call('endpoints.list', {})).items.filter((e) => e.id === ep.id);
    expect(stored?.verify).toMatchObject({ scheme: 'standard-webhooks', secret });
  });
});

describe('basic auth settings no sender could match', () => {
  it('endpoints.create refuses a username with a colon, naming the field; one without still lets its sender in', async () => {
    const error = await refusal(
      s.api.call('endpoints.create', {
        slug: 'colon',
        name: 'Colon',
        auth: { kind: 'basic', username: 'team:ops', password: 'pw' },
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^auth\.username: contains ":"/);
    expect((await s.api.call('endpoints.list', {})).items.map((e) => e.slug)).not.toContain('colon');

    await s.api.call('endpoints.create', {
      slug: 'basic',
      name: 'Basic',
      auth: { kind: 'basic', username: 'team', password: 'ops:pw' },
    });
    const credentials = Buffer.from('team:ops:pw').toString('base64');
    const res = await send(`${s.engine.receiverUrl}/h/basic/x`, {
      method: 'POST',
      headers: [['Authorization', `Basic ${credentials}`]],
    });
    expect(res.status).toBe(200);
  });
});
