import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureDetail, ExportFormat, HeaderPair } from '../../../electron/shared/contract/index';
import { exportCaptures } from '../../../electron/engine/captures/export';
import { redactBody, standardRedaction } from '../../../electron/engine/captures/redaction';
import { xmlSecretSpans } from '../../../electron/engine/captures/xml-redaction';

const secretNames = fc.oneof(
  fc.constantFrom(
    'Authorization',
    'Proxy-Authorization',
    'Cookie',
    'Set-Cookie',
    'X-Api-Key',
    'Api-Key',
    'Api-Appid',
    'X-Auth-Token',
    'X-Access-Token',
    'Webhook-Signature',
    'X-Hub-Signature',
    'X-Hub-Signature-256',
    'Stripe-Signature',
    'X-Shopify-Hmac-Sha256',
    'X-Signature',
    'Svix-Signature',
    'X-Webhook-Key',
    'X-Shared-Key',
  ),
  fc
    .tuple(
      fc.stringMatching(/^[A-Za-z]{0,6}-?$/),
      fc.constantFrom('secret', 'token', 'signature', 'password'),
      fc.stringMatching(/^-?[A-Za-z]{0,6}$/),
    )
    .map((p) => p.join('')),
);
const randomCase = (name: string, flips: boolean[]) =>
  [...name].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
/** Distinctive values: long enough that they cannot appear in an export by coincidence. */
const secretValue = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/).map((v) => `S3CR3T${v}`);
const secretQueryKey = fc.constantFrom(
  'access_key',
  'api_key',
  'apikey',
  'key',
  'token',
  'secret',
  'password',
  'signature',
  'sig',
  'TOKEN',
  'access_token',
  'client_secret',
  'hub.verify_token',
  'hmac',
  'api-key',
  'apiToken',
);

function detail(headers: HeaderPair[], query: string, trailers: HeaderPair[] = []): CaptureDetail {
  return {
    id: 1,
    receivedAtMs: 1_700_000_000_000,
    method: 'POST',
    path: '/h/x',
    query,
    endpointId: null,
    responseStatus: 200,
    bodySizeBytes: 2,
    contentType: 'application/json',
    remoteAddress: '127.0.0.1',
    forwardedSender: null,
    truncated: false,
    source: 'receiver',
    vendor: null,
    eventLabel: null,
    httpVersion: '1.1',
    remotePort: 1,
    headers,
    trailers,
    queryParams: [...new URLSearchParams(query)],
    bodyBase64: Buffer.from('{}').toString('base64'),
    decodedBodyBase64: null,
    decodeNote: null,
    contentEncoding: null,
    storedBodyBytes: 2,
    publicUrl: null,
    response: null,
    verification: null,
  };
}

const formats: ExportFormat[] = ['har', 'jsonl', 'json', 'curl'];

describe('export redaction (fuzzed)', () => {
  it('never leaks a secret header or query value in any format, whatever the header name case or position', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(secretNames, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), secretValue), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.array(
          fc.tuple(
            fc.constantFrom('Content-Type', 'User-Agent', 'X-Request-Id'),
            fc.stringMatching(/^[a-z/]{1,20}$/),
          ),
          { maxLength: 3 },
        ),
        fc.option(fc.tuple(secretQueryKey, secretValue)),
        fc.constantFrom(...formats),
        (secrets, plain, querySecret, format) => {
          const headers: HeaderPair[] = [
            ...plain,
            ...secrets.map(([n, flips, v]) => [randomCase(n, flips), v] as HeaderPair),
          ];
          const query = querySecret ? `page=2&${querySecret[0]}=${querySecret[1]}` : 'page=2';
          const values = [...secrets.map(([, , v]) => v), ...(querySecret ? [querySecret[1]] : [])];
          const redacted = exportCaptures(
            [detail(headers, query)],
            format,
            'http://127.0.0.1:8787',
            standardRedaction,
            'test',
          ).content;
          for (const v of values) expect(redacted).not.toContain(v);
          for (const [, value] of plain) expect(redacted).toContain(value);
          // Without redaction they are all there: the check above can fail.
          const kept = exportCaptures(
            [detail(headers, query)],
            format,
            'http://127.0.0.1:8787',
            null,
            'test',
          ).content;
          // (A cURL command, like a replay, leaves out Proxy-* fields: they were for the hop the request came over.)
          const hopBound = secrets.filter(([n]) => /^proxy-/i.test(n)).map(([, , v]) => v);
          for (const v of values) if (format !== 'curl' || !hopBound.includes(v)) expect(kept).toContain(v);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('trailers', () => {
  it('are exported (HAR beside the entry) and their secrets redacted like headers', () => {
    const capture = detail([], '', [
      ['X-Hub-Signature-256', 'sha256=trailer-secret-1'],
      ['X-Checksum', 'crc-visible-2'],
    ]);
    for (const format of ['har', 'jsonl', 'json'] as const) {
      const redacted = exportCaptures([capture], format, 'http://127.0.0.1:8787', standardRedaction, 'test');
      expect(redacted.content).not.toContain('trailer-secret-1');
      expect(redacted.content).toContain('crc-visible-2');
      const kept = exportCaptures([capture], format, 'http://127.0.0.1:8787', null, 'test');
      expect(kept.content).toContain('trailer-secret-1');
    }
  });
});

describe('export URLs', () => {
  it('an imported capture goes back out with the URL it was sent to; a received one with the receiver URL', () => {
    const imported: CaptureDetail = {
      ...detail([], 'a=1'),
      source: 'imported',
      publicUrl: 'https://hooks.example.com',
    };
    const har = exportCaptures([imported, detail([], 'b=2')], 'har', 'http://127.0.0.1:8787', null, 'test');
    const urls = (
      JSON.parse(har.content) as { log: { entries: { request: { url: string } }[] } }
    ).log.entries.map((e) => e.request.url);
    expect(urls).toEqual(['https://hooks.example.com/h/x?a=1', 'http://127.0.0.1:8787/h/x?b=2']);
    const curl = exportCaptures([imported], 'curl', 'http://127.0.0.1:8787', null, 'test');
    expect(curl.content).toContain('hooks.example.com');
    expect(curl.content).not.toContain('127.0.0.1');
  });
});

describe("an endpoint's own auth names", () => {
  it('are redacted by default, in every format', () => {
    const redaction = { headerNames: new Set(['x-partner']), queryNames: new Set(['wpf_pass']) };
    const capture = detail(
      [
        ['x-partner', 'SHAREDSECRET1'],
        ['X-Request-Id', 'r1'],
      ],
      'wpf_pass=QSECRET2&page=2',
    );
    for (const format of formats) {
      const out = exportCaptures([capture], format, 'http://127.0.0.1:8787', redaction, 'test').content;
      expect(out).not.toContain('SHAREDSECRET1');
      expect(out).not.toContain('QSECRET2');
      expect(out).toContain('r1');
      const plain = exportCaptures(
        [capture],
        format,
        'http://127.0.0.1:8787',
        standardRedaction,
        'test',
      ).content;
      expect(plain).toContain('SHAREDSECRET1');
    }
  });
});

describe('HAR response', () => {
  it("carries the response's own Content-Type", () => {
    const capture: CaptureDetail = {
      ...detail([], ''),
      response: {
        status: 200,
        headers: [['Content-Type', 'application/json']],
        bodyBase64: Buffer.from('{"ok":true}').toString('base64'),
        delayMs: 0,
        reason: null,
      },
    };
    const har = JSON.parse(
      exportCaptures([capture], 'har', 'http://127.0.0.1:8787', null, 'test').content,
    ) as {
      log: { entries: Array<{ response: { content: { mimeType: string; text: string } } }> };
    };
    expect(har.log.entries[0]!.response.content).toMatchObject({
      mimeType: 'application/json',
      text: '{"ok":true}',
    });
  });
});

describe('export URLs of unusual request targets', () => {
  it.each([
    ['http://example.com/absolute', 'x=1', 'http://example.com/absolute?x=1'],
    ['*', '', 'http://127.0.0.1:8787/*'],
    ['/normal', '', 'http://127.0.0.1:8787/normal'],
  ])('%s', (path, query, url) => {
    const capture: CaptureDetail = { ...detail([], query), path };
    const har = JSON.parse(
      exportCaptures([capture], 'har', 'http://127.0.0.1:8787', null, 'test').content,
    ) as {
      log: { entries: Array<{ request: { url: string } }> };
    };
    expect(har.log.entries[0]!.request.url).toBe(url);
    expect(() => new URL(har.log.entries[0]!.request.url)).not.toThrow();
  });
});

describe('body redaction (fuzzed)', () => {
  const withBody = (contentType: string, body: string): CaptureDetail => ({
    ...detail([['Content-Type', contentType]], ''),
    contentType,
    bodyBase64: Buffer.from(body).toString('base64'),
    bodySizeBytes: Buffer.byteLength(body),
    storedBodyBytes: Buffer.byteLength(body),
  });
  const plainPair = fc.tuple(
    fc.stringMatching(/^(id|data|note|contact_id|page)$/),
    fc.stringMatching(/^[A-Za-z0-9%[\] ]{0,12}$/),
  );
  const bodyOfJsonl = (content: string) =>
    Buffer.from((JSON.parse(content) as CaptureDetail).bodyBase64, 'base64').toString('utf8');

  it('form bodies: secret-named pairs lose their value, every other pair stays byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(plainPair, { maxLength: 4 }),
        secretQueryKey,
        secretValue,
        fc.nat(4),
        (plain, key, value, at) => {
          const pairs = plain.map(([n, v]) => `${n}=${v}`);
          const position = Math.min(at, pairs.length);
          const body = [...pairs.slice(0, position), `${key}=${value}`, ...pairs.slice(position)].join('&');
          const expected = [
            ...pairs.slice(0, position),
            `${key}=%5Bredacted%5D`,
            ...pairs.slice(position),
          ].join('&');
          const capture = withBody('application/x-www-form-urlencoded', body);
          for (const format of formats) {
            const out = exportCaptures(
              [capture],
              format,
              'http://127.0.0.1:8787',
              standardRedaction,
              'test',
            ).content;
            expect(format === 'jsonl' ? bodyOfJsonl(out) : out).not.toContain(value);
          }
          const jsonl = exportCaptures(
            [capture],
            'jsonl',
            'http://127.0.0.1:8787',
            standardRedaction,
            'test',
          );
          expect(bodyOfJsonl(jsonl.content)).toBe(expected);
          const kept = exportCaptures([capture], 'jsonl', 'http://127.0.0.1:8787', null, 'test');
          expect(bodyOfJsonl(kept.content)).toBe(body);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('JSON bodies: a secret-named key is redacted at any depth, whatever the Content-Type', () => {
    fc.assert(
      fc.property(
        secretQueryKey,
        secretValue,
        fc.array(fc.constantFrom('obj', 'arr'), { maxLength: 6 }),
        fc.constantFrom('application/json', 'text/plain', 'application/vnd.x+json'),
        (key, value, path, contentType) => {
          let inner = `{"${key}":"${value}","visible":"v-1"}`;
          for (const step of path) inner = step === 'obj' ? `{"wrap": ${inner}}` : `[1, ${inner}]`;
          const capture = withBody(contentType, inner);
          const out = exportCaptures([capture], 'jsonl', 'http://127.0.0.1:8787', standardRedaction, 'test');
          const body = bodyOfJsonl(out.content);
          expect(body).toBe(inner.replace(`"${value}"`, '"[redacted]"'));
          expect((JSON.parse(out.content) as CaptureDetail).bodySizeBytes).toBe(Buffer.byteLength(body));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('JSON bodies that do not parse', () => {
  const redacted = (text: string) =>
    redactBody(Buffer.from(text), 'application/json', null, standardRedaction).toString();

  it('a body cut off at the size limit still has its secret values redacted, the rest kept', () => {
    const cut =
      '{"event":"contact.created","api_key":"SECRETCUTKEY-1","password":"SECRETPW","note":"kept","token":"SECRETTOK';
    const out = redacted(cut);
    for (const secret of ['SECRETCUTKEY', 'SECRETPW', 'SECRETTOK']) expect(out).not.toContain(secret);
    expect(out).toContain('"note":"kept"');
    expect(out).toContain('"event":"contact.created"');
    expect(redacted('{"api_key": 12345678, "n": 1,')).not.toContain('12345678');
    expect(redacted('{"a":1,"b":')).toBe('{"a":1,"b":');
  });

  it('a URL string value, whole or cut off, has its secret query values redacted', () => {
    const cut =
      '{"ping":"https://example.com/?wpf_action=add&access_key=SECRETCUTURL&contact_id=8","note":"kept",' +
      '"next":"https://x.example.com/cb?token=SECRETCUTTAIL';
    const out = redacted(cut);
    for (const secret of ['SECRETCUTURL', 'SECRETCUTTAIL']) expect(out).not.toContain(secret);
    expect(out).toContain(
      '"ping":"https://example.com/?wpf_action=add&access_key=%5Bredacted%5D&contact_id=8"',
    );
    expect(out).toContain('"note":"kept"');
  });

  it('never throws and never keeps a secret string value, whatever the text around it (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (before, after) => {
        const text = `{${JSON.stringify(before)}:1,"secret":"SECRETFUZZ-9"${after}`;
        const out = redacted(text);
        if (!text.includes('SECRETFUZZ-9"') || before.includes('"')) return;
        expect(out).not.toContain('SECRETFUZZ-9');
      }),
    );
  });
});

describe('XML secret spans (fuzzed)', () => {
  const pieces = fc.constantFrom(
    '<password>',
    '</password>',
    '<wsse:Password>',
    '</wsse:Password>',
    '<user name="x" token="T0K">',
    '</user>',
    '<a/>',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '<?xml version="1.0"?>',
    '<!DOCTYPE r [<!ENTITY e "x">]>',
    'SECRET',
    'text',
    '"',
    "'",
    '>',
    '<',
    ' ',
  );
  const xml = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));

  it('never throws; spans are in order, inside the text, non-empty and never overlap', () => {
    fc.assert(
      fc.property(fc.oneof(xml, fc.string({ maxLength: 200 })), (text) => {
        const spans = xmlSecretSpans(text, (name) => /^(password|token)$/i.test(name));
        let last = 0;
        for (const [start, end] of spans) {
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          last = end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('hides the content of a secret element and a secret attribute value, and nothing else', () => {
    const text = '<r><user token="T0K" id="7"><password>SECRET</password><name>Mary</name></user></r>';
    const hidden = xmlSecretSpans(text, (name) => /^(password|token)$/i.test(name)).map(([s, e]) =>
      text.slice(s, e),
    );
    expect(hidden).toEqual(['T0K', 'SECRET']);
  });
});
