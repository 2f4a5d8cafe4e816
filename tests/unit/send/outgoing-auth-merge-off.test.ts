import { describe, expect, it } from 'vitest';
import { buildOutgoing, type AuthConfig, type DraftRequest } from '../../../electron/shared/send/outgoing';

// A captured request opened in the composer: merge fields off, so its own [Field] and {{var}} text goes out as it was.
const opened = (auth: AuthConfig): DraftRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1:8080/hook?ref=[Contact ID]',
  headers: [['X-Note', '{{token}}']],
  auth,
  bodyMode: 'json',
  body: '{"note":"[Email]"}',
  merge: false,
  asCaptured: true,
});
const env = { token: 't0k-from-env', appid: '2_1234' };

describe('auth added to an opened capture while merge fields are off', () => {
  it('fills a {{variable}} in a Bearer token from the environment (the auth was not captured)', () => {
    const built = buildOutgoing(opened({ kind: 'bearer', token: '{{token}}' }), {}, env);
    expect(built.headers).toContainEqual(['Authorization', 'Bearer t0k-from-env']);
    // The captured parts still go out as captured.
    expect(built.url).toBe('http://127.0.0.1:8080/hook?ref=[Contact ID]');
    expect(built.headers).toContainEqual(['X-Note', '{{token}}']);
    expect(built.bodyText).toBe('{"note":"[Email]"}');
  });

  it('fills API key values and Basic credentials too, and names one it cannot fill', () => {
    const keys = buildOutgoing(
      opened({ kind: 'apikey', in: 'header', pairs: [['Api-Appid', '{{appid}}']] }),
      {},
      env,
    );
    expect(keys.headers).toContainEqual(['Api-Appid', '2_1234']);
    const basic = buildOutgoing(opened({ kind: 'basic', username: 'u', password: '{{missing}}' }), {}, env);
    expect(basic.unresolved).toEqual(['{{missing}}']);
  });
});
