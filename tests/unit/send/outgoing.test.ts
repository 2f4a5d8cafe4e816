import { describe, expect, it } from 'vitest';
import { describePlaceholders } from '../../../electron/shared/send/merge-fields';
import { buildOutgoing, type DraftRequest } from '../../../electron/shared/send/outgoing';

const draft = (patch: Partial<DraftRequest>): DraftRequest => ({
  method: 'POST',
  url: 'https://example.com/hook',
  headers: [],
  auth: { kind: 'none' },
  bodyMode: 'text',
  body: '',
  ...patch,
});
const mary = { 'First Name': 'Mary Ann', Email: 'mary@example.com', 'Contact ID': '8' };

describe('buildOutgoing', () => {
  it('merges fields into URL (encoded), headers and a form body, and detects the content type', () => {
    const built = buildOutgoing(
      draft({
        url: 'https://example.com/?wpf_action=update&contact_id=[Contact ID]&n=[First Name]',
        headers: [['X-Contact', '[Email]']],
        bodyMode: 'form',
        body: 'firstname=[First Name]&email=[Email]',
      }),
      mary,
    );
    expect(built.errors).toEqual([]);
    expect(built.warnings).toEqual([]);
    expect(built.url).toBe('https://example.com/?wpf_action=update&contact_id=8&n=Mary%20Ann');
    expect(built.headers).toEqual([
      ['X-Contact', 'mary@example.com'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(built.bodyText).toBe('firstname=Mary+Ann&email=mary%40example.com');
    expect(Buffer.from(built.bodyBase64, 'base64').toString()).toBe(built.bodyText);
    expect(built.contentTypeSource).toBe('detected');
  });

  it('an environment variable can hold the base URL; values after it are still encoded', () => {
    const built = buildOutgoing(draft({ url: '{{baseUrl}}/hook?n=[First Name]' }), mary, {
      baseUrl: 'http://127.0.0.1:8080/api',
    });
    expect(built.errors).toEqual([]);
    expect(built.url).toBe('http://127.0.0.1:8080/api/hook?n=Mary%20Ann');
  });

  it('refuses a header the HTTP client cannot send, naming it', () => {
    const built = buildOutgoing(
      draft({
        headers: [
          ['X-Ok', '1'],
          ['Expect', '100-continue'],
        ],
      }),
      mary,
    );
    expect(built.errors).toEqual([
      { field: 'headers[1]', message: expect.stringMatching(/^header "Expect" is connection-level/) },
    ]);
  });

  it('refuses an API key header the HTTP client cannot send, naming the key', () => {
    const built = buildOutgoing(
      draft({
        auth: {
          kind: 'apikey',
          in: 'header',
          pairs: [
            ['X-Api-Key', '[Key]'],
            ['Expect', '100-continue'],
          ],
        },
      }),
      { Key: 'k1\nX-Injected: 1' },
    );
    expect(built.errors).toEqual([
      { field: 'auth.pairs[0]', message: 'header "X-Api-Key" value contains a line break or NUL' },
      { field: 'auth.pairs[1]', message: expect.stringMatching(/^header "Expect" is connection-level/) },
    ]);
  });

  it('warns when an API key is already in the headers or the query, as both would be sent', () => {
    const inHeader = buildOutgoing(
      draft({
        headers: [['api-key', 'old']],
        auth: { kind: 'apikey', in: 'header', pairs: [['Api-Key', 'new']] },
      }),
      {},
    );
    expect(inHeader.warnings).toEqual([
      { field: 'auth.pairs[0]', message: 'API key "Api-Key" is also set in the headers; both are sent' },
    ]);
    const inQuery = buildOutgoing(
      draft({
        url: 'https://x.test/a?access_key=old#top',
        auth: { kind: 'apikey', in: 'query', pairs: [['access_key', 'new']] },
      }),
      {},
    );
    expect(inQuery.url).toBe('https://x.test/a?access_key=old&access_key=new#top');
    expect(inQuery.warnings).toEqual([
      {
        field: 'auth.pairs[0]',
        message: 'API key "access_key" is also set in the URL\'s query; both are sent',
      },
    ]);
  });

  it('keeps a Content-Type the user set, and JSON-escapes merged values', () => {
    const built = buildOutgoing(
      draft({
        headers: [['content-type', 'text/plain']],
        bodyMode: 'json',
        body: '{"name":"[First Name] \\"[Email]\\""}',
      }),
      { 'First Name': 'Ma"ry', Email: 'e' },
    );
    expect(built.contentType).toBe('text/plain');
    expect(built.contentTypeSource).toBe('user');
    expect(built.headers).toEqual([['content-type', 'text/plain']]);
    expect(JSON.parse(built.bodyText ?? '')).toEqual({ name: 'Ma"ry "e"' });
  });

  it('leaves out a Content-Type row with no value, says so, and sends the detected type once', () => {
    const built = buildOutgoing(draft({ headers: [['Content-Type', ' ']], body: '{"a":1}' }), {});
    expect(built.headers).toEqual([['Content-Type', 'application/json']]);
    expect(built.contentTypeSource).toBe('detected');
    expect(built.warnings).toEqual([
      {
        field: 'headers[0]',
        message: 'Content-Type has no value, so it is left out and the detected type is sent',
      },
    ]);
  });

  it('applies auth: basic, bearer from an environment variable, API keys in header or query', () => {
    expect(
      buildOutgoing(draft({ auth: { kind: 'basic', username: 'u', password: 'p:w' } }), {}).headers,
    ).toEqual([['Authorization', `Basic ${Buffer.from('u:p:w').toString('base64')}`]]);
    expect(
      buildOutgoing(draft({ auth: { kind: 'bearer', token: '{{token}}' } }), {}, { token: 't0k' }).headers,
    ).toEqual([['Authorization', 'Bearer t0k']]);
    const ontraport = buildOutgoing(
      draft({
        auth: {
          kind: 'apikey',
          in: 'header',
          pairs: [
            ['Api-Appid', '2_1'],
            ['Api-Key', 'k'],
          ],
        },
      }),
      {},
    );
    expect(ontraport.headers).toEqual([
      ['Api-Appid', '2_1'],
      ['Api-Key', 'k'],
    ]);
    const query = buildOutgoing(
      draft({
        url: 'https://x.test/a?b=1#frag',
        auth: { kind: 'apikey', in: 'query', pairs: [['access_key', 'a b']] },
      }),
      {},
    );
    expect(query.url).toBe('https://x.test/a?b=1&access_key=a%20b#frag');
  });

  it('refuses a Basic auth username with a colon, which the server would split into username and password', () => {
    const built = buildOutgoing(draft({ auth: { kind: 'basic', username: '[Email]', password: 'p' } }), {
      Email: 'acme:ops@example.com',
    });
    expect(built.errors).toEqual([
      { field: 'auth.username', message: 'Basic auth username cannot contain ":"' },
    ]);
  });

  it('sends raw bytes from base64 mode, with octet-stream for binary', () => {
    const built = buildOutgoing(draft({ bodyMode: 'base64', body: 'AP8B' }), {});
    expect(built.bodyBase64).toBe('AP8B');
    expect(built.bodyText).toBeNull();
    expect(built.contentType).toBe('application/octet-stream');
  });

  it('names the field of each error', () => {
    const built = buildOutgoing(
      draft({
        method: 'GE T',
        url: 'ftp://x',
        headers: [
          ['Bad Name', 'v'],
          ['X-Ok', 'a\nb'],
        ],
        bodyMode: 'base64',
        body: '***',
      }),
      {},
    );
    expect(built.errors.map((e) => e.field)).toEqual(['method', 'headers[0]', 'headers[1]', 'url', 'body']);
    expect(built.errors.find((e) => e.field === 'url')?.message).toContain('scheme "ftp" is not supported');
    expect(buildOutgoing(draft({ url: 'not a url' }), {}).errors[0]?.message).toContain('is not valid');
  });

  it('warns (needs confirmation) for unresolved fields and a body that does not match its mode', () => {
    const unresolved = buildOutgoing(
      draft({ bodyMode: 'json', body: '{"a":"[Company]"}', url: 'https://x.test/{{path}}' }),
      {},
    );
    expect(unresolved.unresolved).toEqual(['{{path}}', '[Company]']);
    expect(unresolved.warnings.map((w) => w.field)).toEqual(['merge fields']);
    expect(buildOutgoing(draft({ bodyMode: 'json', body: '{"a":' }), {}).warnings[0]?.message).toMatch(
      /^body: not valid JSON/,
    );
    expect(buildOutgoing(draft({ bodyMode: 'xml', body: '<a>' }), {}).warnings[0]?.message).toMatch(
      /^body: not well-formed XML/,
    );
    expect(buildOutgoing(draft({ bodyMode: 'form', body: 'just text' }), {}).warnings[0]?.field).toBe('body');
  });

  it('takes a JSON body that starts with a byte-order mark as JSON, and sends the mark', () => {
    const built = buildOutgoing(draft({ bodyMode: 'json', body: '\uFEFF{"bom":true}', merge: false }), {});
    expect(built.warnings).toEqual([]);
    expect([...Buffer.from(built.bodyBase64, 'base64')]).toEqual([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from('{"bom":true}'),
    ]);
  });

  it('adds no Content-Type to a captured request that had none, and says what the body looks like', () => {
    const opened = draft({ bodyMode: 'json', body: '{"a":1}', merge: false, asCaptured: true });
    expect(buildOutgoing(opened, {})).toMatchObject({
      headers: [],
      contentType: null,
      contentTypeSource: 'none',
      looksLike: 'application/json',
    });
    expect(buildOutgoing({ ...opened, asCaptured: false }, {})).toMatchObject({
      headers: [['Content-Type', 'application/json']],
      contentTypeSource: 'detected',
      looksLike: null,
    });
  });

  it('sends no Content-Type for an empty body', () => {
    expect(buildOutgoing(draft({ method: 'get' }), {})).toMatchObject({
      method: 'GET',
      headers: [],
      contentType: null,
      bodyBytes: 0,
    });
  });
});

describe('describePlaceholders', () => {
  it('reports each placeholder with its value or undefined', () => {
    const status = describePlaceholders('[First Name] [Company] {{env}}', mary, { env: 'E' });
    expect(status.map((s) => [s.name, s.value])).toEqual([
      ['First Name', 'Mary Ann'],
      ['Company', undefined],
      ['env', 'E'],
    ]);
  });
});
