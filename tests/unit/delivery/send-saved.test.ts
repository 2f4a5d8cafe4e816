import { describe, expect, it } from 'vitest';
import type { SavedWebhook } from '../../../electron/shared/contract/delivery';
import { resolveSaved } from '../../../renderer/src/features/deliveries/send-saved';

const saved = (over: Partial<SavedWebhook>): SavedWebhook => ({
  id: 1,
  collectionId: null,
  name: 'hook',
  method: 'POST',
  url: 'http://127.0.0.1:9/hook',
  headers: [],
  body: '',
  policy: 'none',
  options: {},
  createdAtMs: 0,
  updatedAtMs: 0,
  ...over,
});

const bodyOf = (r: ReturnType<typeof resolveSaved>) => Buffer.from(r.request.bodyBase64, 'base64').toString();
const env = { base: 'http://127.0.0.1:9', who: 'Tom "T" & Jerry' };

describe('resolveSaved: environment values escaped as in the composer', () => {
  it('JSON body: a quote in a value stays inside its string, and the body stays application/json', () => {
    const r = resolveSaved(saved({ url: '{{base}}/saved?name={{who}}', body: '{"name":"{{who}}"}' }), env);
    expect(JSON.parse(bodyOf(r))).toEqual({ name: 'Tom "T" & Jerry' });
    expect(r.request.headers).toEqual([['Content-Type', 'application/json']]);
    expect(new URL(r.request.url).searchParams.getAll('name')).toEqual(['Tom "T" & Jerry']);
    expect(r.request.url.startsWith('http://127.0.0.1:9/saved?')).toBe(true);
    expect(r.unresolved).toEqual([]);
  });

  it('form and XML bodies escape for their format; a Content-Type the user set wins', () => {
    const form = resolveSaved(saved({ body: 'name={{who}}&n=1' }), env);
    expect(new URLSearchParams(bodyOf(form)).get('name')).toBe('Tom "T" & Jerry');
    expect(form.request.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);

    const xml = resolveSaved(
      saved({ headers: [['content-type', 'application/xml']], body: '<a>{{who}}</a>' }),
      env,
    );
    expect(bodyOf(xml)).toBe('<a>Tom &quot;T&quot; &amp; Jerry</a>');
    expect(xml.request.headers).toEqual([['content-type', 'application/xml']]);
  });

  it('a header value beyond ASCII goes out as its UTF-8 bytes (one character per byte), as from the composer', () => {
    const r = resolveSaved(saved({ headers: [['X-Who', '{{city}}']] }), { city: 'São Paulo' });
    expect(Buffer.from(r.request.headers[0]![1], 'latin1').toString('utf8')).toBe('São Paulo');
  });

  it('names what stayed unresolved and sends it as typed', () => {
    const r = resolveSaved(saved({ body: '{"x":"{{missing}}"}' }), env);
    expect(r.unresolved).toEqual(['{{missing}}']);
    expect(bodyOf(r)).toBe('{"x":"{{missing}}"}');
  });

  it('an empty Content-Type is left out with a warning and the detected type is sent, as from the composer', () => {
    const r = resolveSaved(saved({ headers: [['Content-Type', '  ']], body: '{"a":1}' }), env);
    expect(r.request.headers).toEqual([['Content-Type', 'application/json']]);
    expect(r.warnings).toEqual([
      'headers[0]: Content-Type has no value, so it is left out and the detected type is sent',
    ]);
    const empty = resolveSaved(saved({ headers: [['content-type', '']] }), env);
    expect(empty.request.headers).toEqual([]);
    expect(empty.warnings).toEqual(['headers[0]: Content-Type has no value, so it is left out']);
    expect(resolveSaved(saved({ body: '{"a":1}' }), env).warnings).toEqual([]);
    const variable = resolveSaved(saved({ headers: [['Content-Type', '{{type}}']], body: '{"a":1}' }), {
      type: '',
    });
    expect(variable.request.headers).toEqual([['Content-Type', 'application/json']]);
    expect(variable.warnings).toHaveLength(1);
  });

  it('fills {{variables}} in header names as the composer does, and an unknown one is reported', () => {
    const r = resolveSaved(
      saved({
        headers: [
          [' X-{{vendor}}-Key ', '{{key}}'],
          ['X-{{nope}}', 'v'],
        ],
      }),
      { vendor: 'Acme', key: 'k1' },
    );
    expect(r.request.headers).toEqual([
      ['X-Acme-Key', 'k1'],
      ['X-{{nope}}', 'v'],
    ]);
    expect(r.unresolved).toEqual(['{{nope}}']);
  });
});

describe('resolveSaved: a header name it cannot fill', () => {
  it('is an error naming the header, not a request with brackets in a header name', () => {
    const r = resolveSaved(
      saved({
        headers: [
          ['X-{{t}}', '1'],
          ['[Tenant]-Id', 'v'],
        ],
      }),
      { t: 'a' },
    );
    expect(r.error).toBe(
      'header "[Tenant]-Id" fills to "[Tenant]-Id", which is not a valid header name (a send from the Saved list ' +
        "fills only the active environment's {{variables}}; a [Merge Field] needs the rows of a bulk send)",
    );
  });

  it('is no error once its {{variables}} fill to a header name', () => {
    expect(resolveSaved(saved({ headers: [['X-{{t}}', '[Tenant]']] }), { t: 'a' }).error).toBeNull();
  });
});
