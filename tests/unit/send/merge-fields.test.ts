import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findPlaceholders,
  lookupField,
  recordFromPayload,
  recordsFromFile,
  resolveTemplate,
} from '../../../electron/shared/send/merge-fields';
import { readSample } from './samples';

const mary = { 'First Name': 'Mary', 'Last Name': 'Smith', Email: 'mary@example.com', 'Contact ID': '8' };

describe('findPlaceholders', () => {
  it('finds merge fields and env variables with their offsets', () => {
    const template = 'Name=[First Name] [Last Name]&token={{ api_token }}';
    const found = findPlaceholders(template);
    expect(found.map((p) => [p.kind, p.name, template.slice(p.start, p.end)])).toEqual([
      ['merge', 'First Name', '[First Name]'],
      ['merge', 'Last Name', '[Last Name]'],
      ['env', 'api_token', '{{ api_token }}'],
    ]);
  });

  it('does not take bracket keys, JSON arrays or literals for merge fields', () => {
    expect(findPlaceholders('data[id]=8&event[type]=sub_tag&a[b][c]=1')).toEqual([]);
    expect(findPlaceholders('{"tags": [1, 2], "ok": [true], "s": ["a"]}')).toEqual([]);
    expect(findPlaceholders('<![CDATA[x]]>')).toEqual([]);
    expect(findPlaceholders('http://[fe80::1]:8080/x and http://[::1]/')).toEqual([]);
  });

  it('finds merge fields in a URL, even the host (Ontraport allows it)', () => {
    const names = findPlaceholders('http://[myfancyurlfield].com/page.html?get=[merge1]').map((p) => p.name);
    expect(names).toEqual(['myfancyurlfield', 'merge1']);
  });
});

describe('resolveTemplate', () => {
  it('resolves combined merge fields from a variables table (seed 000)', () => {
    const result = resolveTemplate(
      'First_Name=[First Name]&Email=[Email]&Name=[First Name] [Last Name]',
      mary,
    );
    expect(result).toEqual({
      text: 'First_Name=Mary&Email=mary@example.com&Name=Mary Smith',
      unresolved: [],
    });
  });

  it('leaves unresolved placeholders in place and lists each once', () => {
    const result = resolveTemplate('[Company] [Company] {{missing}} [First Name]', mary);
    expect(result.text).toBe('[Company] [Company] {{missing}} Mary');
    expect(result.unresolved).toEqual(['[Company]', '{{missing}}']);
  });

  it('takes {{name}} from the environment first, then the record', () => {
    expect(resolveTemplate('{{host}}/{{email}}', { email: 'r@x' }, { host: 'https://h' }).text).toBe(
      'https://h/r@x',
    );
    expect(resolveTemplate('{{host}}', { host: 'record' }, { host: 'env' }).text).toBe('env');
  });

  it('escapes values for their context', () => {
    const record = { note: 'a "b" & <c> d/e' };
    expect(resolveTemplate('{"n":"[note]"}', record, {}, { escape: 'json' }).text).toBe(
      '{"n":"a \\"b\\" & <c> d/e"}',
    );
    expect(resolveTemplate('n=[note]', record, {}, { escape: 'form' }).text).toBe(
      'n=a+%22b%22+%26+%3Cc%3E+d%2Fe',
    );
    expect(resolveTemplate('<n>[note]</n>', record, {}, { escape: 'xml' }).text).toBe(
      '<n>a &quot;b&quot; &amp; &lt;c&gt; d/e</n>',
    );
    expect(resolveTemplate('?q=[note]', record, {}, { escape: 'url' }).text).toBe(
      '?q=a%20%22b%22%20%26%20%3Cc%3E%20d%2Fe',
    );
    expect(JSON.parse(resolveTemplate('{"n":"[note]"}', record, {}, { escape: 'json' }).text)).toEqual({
      n: record.note,
    });
  });

  it('in JSON, a value outside a string goes in typed when it is a JSON scalar, as null when empty, else quoted', () => {
    const [row] = recordsFromFile(
      '[{"n": 5, "ok": true, "none": null, "name": "Bob \\"B\\"", "z": "007"}]',
      'json',
    ).rows as [Record<string, string>];
    const template = '{"n":[n],"ok":[ok],"none":[none],"name":[name],"z":[z],"s":"[n] [name]","t":[[name]]}';
    const text = resolveTemplate(template, row, {}, { escape: 'json' }).text;
    expect(JSON.parse(text)).toEqual({
      n: 5,
      ok: true,
      none: null,
      name: 'Bob "B"',
      z: '007',
      s: '5 Bob "B"',
      t: ['Bob "B"'],
    });
    // A quote escaped inside a string does not end it: the value after it is still in the string.
    expect(resolveTemplate('{"q":"a \\" [n]"}', row, {}, { escape: 'json' }).text).toBe('{"q":"a \\" 5"}');
  });

  it('in XML, puts a value inside CDATA as it is, splitting only a "]]>" in it', () => {
    const record = { note: 'a < b && c ]]> d' };
    const template = '<r><c><![CDATA[[note]]]></c><t>[note]</t><c><![CDATA[x [note]]]></c></r>';
    const text = resolveTemplate(template, record, {}, { escape: 'xml' }).text;
    expect(text).toBe(
      '<r><c><![CDATA[a < b && c ]]]]><![CDATA[> d]]></c><t>a &lt; b &amp;&amp; c ]]&gt; d</t>' +
        '<c><![CDATA[x a < b && c ]]]]><![CDATA[> d]]></c></r>',
    );
    const parsed = recordFromPayload('application/xml', text);
    expect(parsed).toEqual({ 'r.c.0': record.note, 'r.c.1': `x ${record.note}`, 'r.t': record.note });
  });

  it('percent-encodes a lone surrogate (a JSON row\'s "\\ud800") as U+FFFD instead of throwing', () => {
    const record = { odd: 'a\ud800b\udc00c', pair: '😀' };
    expect(resolveTemplate('n=[odd]&p=[pair]', record, {}, { escape: 'form' }).text).toBe(
      'n=a%EF%BF%BDb%EF%BF%BDc&p=%F0%9F%98%80',
    );
    expect(resolveTemplate('http://h/[odd]?p=[pair]', record, {}, { escape: 'whole-url' }).text).toBe(
      'http://h/a%EF%BF%BDb%EF%BF%BDc?p=%F0%9F%98%80',
    );
    expect(resolveTemplate('{"n":"[odd]"}', record, {}, { escape: 'json' }).text).toBe(
      '{"n":"a\\ud800b\\udc00c"}',
    );
  });

  it('in a whole URL, leaves a value before the path as it is: a base URL, host or port, not a path segment', () => {
    const env = { baseUrl: 'http://127.0.0.1:8080/api', host: 'api.example.com', port: '8443', id: 'a b/c' };
    const url = (template: string) => resolveTemplate(template, {}, env, { escape: 'whole-url' }).text;
    expect(url('{{baseUrl}}/hook?id={{id}}')).toBe('http://127.0.0.1:8080/api/hook?id=a%20b%2Fc');
    expect(url('https://{{host}}:{{port}}/x/{{id}}')).toBe('https://api.example.com:8443/x/a%20b%2Fc');
    expect(url('https://example.com/{{host}}')).toBe('https://example.com/api.example.com');
    expect(url('https://example.com?h={{baseUrl}}')).toBe(
      'https://example.com?h=http%3A%2F%2F127.0.0.1%3A8080%2Fapi',
    );
  });

  it('in a whole URL, encodes a user or password before "@", so its "@", "/" or "#" cannot change the host', () => {
    const env = { user: 'b@b', key: 'p@ss/evil.example#x', host: 'api.example.com' };
    const url = (template: string, more = {}) =>
      resolveTemplate(template, {}, { ...env, ...more }, { escape: 'whole-url' }).text;
    const sent = url('https://{{user}}:{{key}}@{{host}}/hook');
    expect(sent).toBe('https://b%40b:p%40ss%2Fevil.example%23x@api.example.com/hook');
    expect(new URL(sent).host).toBe('api.example.com');
    expect(decodeURIComponent(new URL(sent).password)).toBe(env.key);
    expect(url('https://{{pair}}@{{host}}/', { pair: 'bob:s3cr#t' })).toBe(
      'https://bob:s3cr%23t@api.example.com/',
    );
  });

  it('resolves Ontraport labels from a captured Ontraport delivery (form with bracket keys)', () => {
    const record = recordFromPayload(
      'application/x-www-form-urlencoded',
      readSample('ontraport-sub-tag-lightweight.form.txt'),
    );
    expect(record['data[firstname]']).toBe('Mary');
    const result = resolveTemplate(
      'contact_id=[Contact ID]&name=[First Name] [Last Name]&email=[Email]&tag=[event.tag_id]',
      record,
    );
    expect(result).toEqual({
      text: 'contact_id=8&name=Mary Smith&email=mary@example.com&tag=4',
      unresolved: [],
    });
  });

  it('resolves from a captured Ortto payload (JSON flattened to dotted paths)', () => {
    const record = recordFromPayload(
      'application/json',
      readSample('ortto-activity-webhook-subscribed-to-email.json'),
    );
    expect(record['activity.field_id']).toBe('act::s-all');
    expect(resolveTemplate('[Email] [activity.field_id] {{contact.contact_id}}', record).text).toBe(
      'alex@example.com act::s-all 00651b946baa9be6b2edad00',
    );
  });

  it('resolves from a CSV data-file row', () => {
    const { rows } = recordsFromFile('First Name,Email\nAda,ada@example.com\n', 'csv');
    expect(resolveTemplate('[First Name] <[Email]>', rows[0] ?? {}).text).toBe('Ada <ada@example.com>');
  });

  it("a field name finds the record's Ontraport label for it (id ← Contact ID), whole keys only", () => {
    expect(lookupField({ 'Contact ID': '8' }, 'id')).toBe('8');
    expect(lookupField({ contact_id: '8' }, 'id')).toBe('8');
    expect(lookupField({ 'Zip Code': '93101' }, 'zip')).toBe('93101');
    expect(lookupField({ 'Date Added': '1514940140' }, 'date')).toBe('1514940140');
    // a direct match still wins, and the labels keep finding their fields
    expect(lookupField({ 'Contact ID': '9', id: '8' }, 'id')).toBe('8');
    expect(lookupField({ id: '8' }, 'Contact ID')).toBe('8');
    expect(resolveTemplate('id=[id]&zip=[zip]', { 'Contact ID': '8', 'Postal Code': '93101' }).text).toBe(
      'id=8&zip=93101',
    );
    expect(lookupField({ 'a.contact_id': '8' }, 'id')).toBeUndefined();
  });

  it('does not guess when a leaf name is ambiguous', () => {
    const record = { 'a.id': '1', 'b.id': '2' };
    expect(lookupField(record, 'id')).toBeUndefined();
    expect(lookupField(record, 'b[id]')).toBe('2');
  });

  it('never throws and changes nothing when no placeholder matches (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })),
        (template, record) => {
          const result = resolveTemplate(template, record, record);
          expect(typeof result.text).toBe('string');
          const found = findPlaceholders(template);
          if (found.length === 0) expect(result.text).toBe(template);
          found.forEach((p, i) => {
            expect(template.slice(p.start, p.end)).toMatch(p.kind === 'env' ? /^\{\{/ : /^\[/);
            if (i > 0) expect(p.start).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('substitutes every field when the record has them all (fuzz)', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _]{0,15}[A-Za-z0-9]$/);
    const value = fc.string({ maxLength: 20 }).filter((v) => !/[[\]{}]/.test(v));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 6 }), (pairs) => {
        const record = Object.fromEntries(pairs);
        const template = pairs.map(([n]) => `x=[${n}]`).join('&');
        const result = resolveTemplate(template, record);
        expect(result.unresolved).toEqual([]);
        expect(findPlaceholders(result.text)).toEqual([]);
        expect(result.text).toBe(pairs.map(([n]) => `x=${lookupField(record, n)}`).join('&'));
      }),
      { numRuns: 300 },
    );
  });
});
