import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { buildOutgoing, type DraftRequest } from '../../../electron/shared/send/outgoing';
import { useApiHarness } from './helpers';

const api = useApiHarness();

const draft = (patch: Partial<DraftRequest>): DraftRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1:1/hook',
  headers: [],
  auth: { kind: 'none' },
  bodyMode: 'text',
  body: '',
  ...patch,
});

// The HTTP client refuses these only when the attempt is made: the delivery failed with
// "UND_ERR_INVALID_ARG invalid X-Trace header" and the composer had shown nothing wrong.
describe('a header value with a control character (other than tab)', () => {
  it('is an error in the composer, naming the header or the auth', () => {
    expect(buildOutgoing(draft({ headers: [['X-Trace', 'a\u0001b']] }), {}).errors).toEqual([
      { field: 'headers[0]', message: 'header "X-Trace" value contains the control character U+0001' },
    ]);
    expect(buildOutgoing(draft({ auth: { kind: 'bearer', token: 'tok\u007f' } }), {}).errors).toEqual([
      { field: 'auth', message: 'credentials contain the control character U+007F' },
    ]);
    expect(
      buildOutgoing(draft({ auth: { kind: 'apikey', in: 'header', pairs: [['X-Api-Key', 'k\u001b']] } }), {})
        .errors,
    ).toEqual([
      { field: 'auth.pairs[0]', message: 'header "X-Api-Key" value contains the control character U+001B' },
    ]);
    expect(buildOutgoing(draft({ headers: [['X-Tab', 'a\tb']] }), {}).errors).toEqual([]);
  });

  it('is refused by deliveries.send, naming the field, and nothing is queued', async () => {
    const count = async () =>
      ((await api.call('deliveries.list', {})).value as { items: unknown[] }).items.length;
    const before = await count();
    const result = await api.call('deliveries.send', {
      request: { method: 'POST', url: api.server.url, headers: [['X-Trace', 'a\u0001b']], bodyBase64: '' },
    });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid_input');
    expect(result.error?.message).toMatch(
      /request\.headers\.0\.1: header "X-Trace" value contains the control character U\+0001/,
    );
    expect(await count()).toBe(before);
    expect(api.server.received).toEqual([]);
  });

  it('is a usage error of hookscope send, naming --header, and nothing is sent', async () => {
    let stderr = '';
    const code = await main(['send', `${api.server.url}/cli`, '-H', 'X-Trace: a\u0001b'], {
      stdout: () => undefined,
      stderr: (s) => void (stderr += s),
    });
    expect(code).toBe(2);
    expect(stderr).toContain(
      'hookscope send: --header: header "X-Trace" value contains the control character U+0001',
    );
    expect(api.server.received).toEqual([]);
  });

  it('a tab still goes out', async () => {
    const result = await api.call('deliveries.send', {
      request: { method: 'POST', url: api.server.url, headers: [['X-Tab', 'a\tb']], bodyBase64: '' },
    });
    expect(result.ok).toBe(true);
  });
});
