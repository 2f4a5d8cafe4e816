import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHar } from '../../../electron/engine/captures/har-import';

const nameValue = fc.record(
  { name: fc.string(), value: fc.oneof(fc.string(), fc.anything()) },
  { requiredKeys: [] },
);
// HAR-shaped values with every field possibly wrong, missing or of the wrong type.
const harish = fc.record(
  {
    log: fc.oneof(
      fc.anything(),
      fc.record(
        {
          entries: fc.oneof(
            fc.anything(),
            fc.array(
              fc.oneof(
                fc.anything(),
                fc.record(
                  {
                    startedDateTime: fc.oneof(
                      fc.string(),
                      fc.date({ noInvalidDate: false }).map(String),
                      fc.anything(),
                    ),
                    request: fc.oneof(
                      fc.anything(),
                      fc.record(
                        {
                          method: fc.oneof(fc.constantFrom('GET', 'POST', ''), fc.string(), fc.anything()),
                          url: fc.oneof(
                            fc.webUrl({ withQueryParameters: true, withFragments: true }),
                            fc.string(),
                            fc.anything(),
                          ),
                          httpVersion: fc.oneof(fc.constantFrom('HTTP/1.1', 'h2'), fc.anything()),
                          headers: fc.oneof(fc.array(nameValue, { maxLength: 5 }), fc.anything()),
                          postData: fc.oneof(
                            fc.anything(),
                            fc.record(
                              {
                                mimeType: fc.string(),
                                text: fc.oneof(fc.string(), fc.base64String()),
                                _encoding: fc.constantFrom('base64', 'utf8', ''),
                              },
                              { requiredKeys: [] },
                            ),
                          ),
                        },
                        { requiredKeys: [] },
                      ),
                    ),
                    response: fc.oneof(
                      fc.anything(),
                      fc.record(
                        {
                          status: fc.oneof(fc.integer(), fc.double(), fc.anything()),
                          headers: fc.anything(),
                          content: fc.anything(),
                        },
                        { requiredKeys: [] },
                      ),
                    ),
                  },
                  { requiredKeys: [] },
                ),
              ),
              { maxLength: 4 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('HAR import', () => {
  it('keeps the origin each request was sent to, so it can be opened or replayed there', () => {
    const har = {
      log: {
        entries: [
          {
            startedDateTime: '2026-11-22T10:00:00.000Z',
            request: {
              method: 'post',
              url: 'https://hooks.example.com:8443/ortto/in?x=1&x=2',
              httpVersion: 'HTTP/1.1',
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              postData: { mimeType: 'application/json', text: '{"a":1}' },
            },
          },
        ],
      },
    };
    const [c] = parseHar(JSON.stringify(har), 0).captures;
    expect(c).toMatchObject({
      method: 'POST',
      path: '/ortto/in',
      query: 'x=1&x=2',
      publicUrl: 'https://hooks.example.com:8443',
      source: 'imported',
    });
  });

  it('stores httpVersion as the receiver does (1.1, 2.0, 3), whichever way the tool wrote it', () => {
    const versions = [
      'HTTP/1.1',
      'http/1.0',
      '',
      undefined,
      'HTTP/2',
      'http/2.0',
      'h2',
      'HTTP/3',
      'h3',
      'h3-29',
    ];
    const unknown = ['http/2+quic/46', 'spdy/3'];
    const har = {
      log: {
        entries: [...versions, ...unknown].map((httpVersion) => ({
          startedDateTime: '2026-11-22T10:00:00.000Z',
          request: { method: 'GET', url: 'https://x.test/', httpVersion, headers: [] },
        })),
      },
    };
    expect(parseHar(JSON.stringify(har), 0).captures.map((c) => c.httpVersion)).toEqual([
      '1.1',
      '1.0',
      '1.1',
      '1.1',
      '2.0',
      '2.0',
      '2.0',
      '3',
      '3',
      '3',
      ...unknown,
    ]);
  });

  it("in another tool's file, percent-encodes non-ASCII in the path and query as a client sends it", () => {
    const har = {
      log: {
        entries: [
          {
            startedDateTime: '2026-11-22T10:00:00.000Z',
            request: { method: 'GET', url: 'https://x.test/café/%C3%A9?q=日本&r=a%20b', headers: [] },
          },
        ],
      },
    };
    expect(parseHar(JSON.stringify(har), 0).captures[0]).toMatchObject({
      path: '/caf%C3%A9/%C3%A9',
      query: 'q=%E6%97%A5%E6%9C%AC&r=a%20b',
    });
  });

  it("in another tool's file, a fragment is the page's (never sent): no query is read from it", () => {
    const har = {
      log: {
        entries: [
          {
            startedDateTime: '2026-11-22T10:00:00.000Z',
            request: { method: 'GET', url: 'https://example.com/a/./b#section?not=query', headers: [] },
          },
        ],
      },
    };
    const [c] = parseHar(JSON.stringify(har), 0).captures;
    expect([c?.path, c?.query]).toEqual(['/a/./b', '']);
  });
});

describe('HAR import of a request no HTTP client could send', () => {
  it('skips the entry and names the field: a method that is not a token, a target with a space or control', () => {
    const entry = (request: object, extra: object = {}) => ({
      startedDateTime: '2026-11-22T10:00:00.000Z',
      request: { method: 'POST', url: 'https://example.com/x', headers: [], ...request },
      ...extra,
    });
    const result = parseHar(
      JSON.stringify({
        log: {
          entries: [
            entry({ method: 'PO\u001b[2JST' }),
            entry({ method: 'POST /x' }),
            entry({ url: 'https://example.com/a\u001b]0;t\u0007' }),
            entry({ url: 'https://example.com/a?b=c d' }),
            entry({}, { _hookscope: { path: '/a\r\nInjected: 1' } }),
            // What a client can send is still imported: any token method, non-ASCII in the target (percent-encoded).
            entry({ method: 'PROPFIND', url: 'https://example.com/caf\u00e9?q=\u00e9' }),
          ],
        },
      }),
      0,
    );
    expect(result.errors).toEqual([
      'entries[0]: request.method: not an HTTP method (a token such as POST)',
      'entries[1]: request.method: not an HTTP method (a token such as POST)',
      'entries[2].request.url: holds a space or control character, which no request target can',
      'entries[3].request.url: holds a space or control character, which no request target can',
      'entries[4]._hookscope.path: holds a space or control character, which no request target can',
    ]);
    expect(result.captures.map((c) => [c.method, c.path, c.query])).toEqual([
      ['PROPFIND', '/caf%C3%A9', 'q=%C3%A9'],
    ]);
  });
});

describe('HAR import of startedDateTime', () => {
  const importTimes = (times: string[]) =>
    parseHar(
      JSON.stringify({
        log: {
          entries: times.map((startedDateTime) => ({
            startedDateTime,
            request: { method: 'POST', url: 'https://example.com/x', headers: [] },
          })),
        },
      }),
      1234,
    );

  it('uses the import time for a value that is not a date, and warns naming the entry and value', () => {
    const entry = (startedDateTime: string) => ({
      startedDateTime,
      request: { method: 'POST', url: 'https://example.com/x', headers: [] },
    });
    const result = parseHar(
      JSON.stringify({
        log: {
          entries: [entry('bad'), entry('2026-11-22T10:00:00.000Z'), entry('23/11/2026 10:00'), entry('')],
        },
      }),
      1234,
    );
    expect(result.captures.map((c) => c.receivedAtMs)).toEqual([
      1234,
      Date.parse('2026-11-22T10:00:00.000Z'),
      1234,
      1234,
    ]);
    expect(result.warnings).toEqual([
      'entries[0].startedDateTime: not an ISO 8601 date and time ("bad"); used the import time',
      'entries[2].startedDateTime: not an ISO 8601 date and time ("23/11/2026 10:00"); used the import time',
      'entries[3].startedDateTime: not an ISO 8601 date and time (""); used the import time',
    ]);
  });

  it('does not guess a time from what Date.parse would take: a stray number, a word and a year, Feb 30', () => {
    const result = importTimes(['1', 'foo 2026', '2026-02-30T00:00:00Z', '2026-11-22']);
    expect(result.captures.map((c) => c.receivedAtMs)).toEqual([1234, 1234, 1234, 1234]);
    expect(result.warnings).toEqual([
      'entries[0].startedDateTime: not an ISO 8601 date and time ("1"); used the import time',
      'entries[1].startedDateTime: not an ISO 8601 date and time ("foo 2026"); used the import time',
      'entries[2].startedDateTime: not an ISO 8601 date and time ("2026-02-30T00:00:00Z"); used the import time',
      'entries[3].startedDateTime: not an ISO 8601 date and time ("2026-11-22"); used the import time',
    ]);
  });

  it('reads the offsets ISO 8601 allows, and a time with no zone as local time with a warning', () => {
    const result = importTimes([
      '2026-11-22T10:00:00.123456789+05:30',
      '2026-11-22T10:00+0545',
      '2026-11-22t10:00:00z',
      '2026-11-22T10:00:00',
    ]);
    expect(result.captures.map((c) => c.receivedAtMs)).toEqual([
      Date.parse('2026-11-22T04:30:00.123Z'),
      Date.parse('2026-11-22T04:15:00Z'),
      Date.parse('2026-11-22T10:00:00Z'),
      new Date(2026, 10, 22, 10).getTime(),
    ]);
    expect(result.warnings).toEqual([
      'entries[3].startedDateTime: no time zone ("2026-11-22T10:00:00"); read as local time',
    ]);
  });
});

describe('HAR import of the response delay', () => {
  const delayOf = (timings: unknown) =>
    parseHar(
      JSON.stringify({
        log: {
          entries: [
            {
              startedDateTime: '2026-11-22T10:00:00.000Z',
              request: { method: 'POST', url: 'https://example.com/x', headers: [] },
              response: { status: 200, headers: [] },
              timings,
            },
          ],
        },
      }),
      0,
    ).captures[0]?.response?.delayMs;

  it('reads timings.wait, rounded to whole milliseconds', () => {
    expect([delayOf({ wait: 700 }), delayOf({ send: 0, wait: 12.6, receive: 1 })]).toEqual([700, 13]);
  });

  it('takes 0 when the wait is missing, -1 (not applicable) or not a number', () => {
    expect([undefined, {}, { wait: -1 }, { wait: '700' }, { wait: null }, 'x'].map(delayOf)).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
  });
});

describe('HAR import of an entry whose response cannot be read', () => {
  it('imports the request without a response: null silently, one without a status with a warning', () => {
    const entry = (response: unknown) => ({
      startedDateTime: '2026-11-22T10:00:00.000Z',
      request: { method: 'POST', url: 'https://example.com/x', headers: [], postData: { text: 'hi' } },
      response,
    });
    const result = parseHar(
      JSON.stringify({
        log: { entries: [entry(null), entry({ headers: [], content: {}, _error: 'aborted' })] },
      }),
      0,
    );
    expect(result.errors).toEqual([]);
    expect(result.captures.map((c) => [Buffer.from(c.body).toString(), c.response])).toEqual([
      ['hi', null],
      ['hi', null],
    ]);
    expect(result.warnings).toEqual([
      'entries[1].response: response.status: Invalid input: expected number, received undefined; imported without the response',
    ]);
  });
});

describe('HAR import of a body given as postData.params', () => {
  const withPost = (postData: object, headers: Array<{ name: string; value: string }> = []) =>
    parseHar(
      JSON.stringify({
        log: {
          entries: [
            {
              startedDateTime: '2026-11-22T10:00:00.000Z',
              request: { method: 'POST', url: 'https://example.com/form', headers, postData },
            },
          ],
        },
      }),
      0,
    );

  it('rebuilds a form-urlencoded body, spaces as +', () => {
    const result = withPost({
      mimeType: 'application/x-www-form-urlencoded',
      params: [{ name: 'a', value: 'b c' }, { name: 'x&y', value: '1=2' }, { name: 'empty' }],
    });
    expect(result.warnings).toEqual([]);
    const [c] = result.captures;
    expect(Buffer.from(c!.body).toString()).toBe('a=b+c&x%26y=1%3D2&empty=');
    expect(c!.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('takes a form param holding a %XX as encoded already (Chrome writes them as in the body), so it is not encoded twice', () => {
    const result = withPost({
      mimeType: 'application/x-www-form-urlencoded',
      params: [
        { name: 'q', value: 'a%20b%26c' },
        { name: 'n%C3%A9', value: 'caf%C3%A9' },
        { name: 'pct', value: '100%' },
      ],
    });
    expect(Buffer.from(result.captures[0]!.body).toString()).toBe('q=a%20b%26c&n%C3%A9=caf%C3%A9&pct=100%25');
  });

  it('rebuilds a multipart body with the boundary the Content-Type header names', () => {
    const result = withPost(
      {
        mimeType: 'multipart/form-data',
        params: [
          { name: 'note', value: 'hi' },
          { name: 'up"load', fileName: 'a.txt', contentType: 'text/plain', value: 'file text' },
        ],
      },
      [{ name: 'Content-Type', value: 'multipart/form-data; boundary="----B0"' }],
    );
    expect(result.warnings).toEqual([]);
    expect(Buffer.from(result.captures[0]!.body).toString()).toBe(
      '------B0\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n' +
        '------B0\r\nContent-Disposition: form-data; name="up%22load"; filename="a.txt"\r\n' +
        'Content-Type: text/plain\r\n\r\nfile text\r\n------B0--\r\n',
    );
  });

  it('imports the entry without a body and says so when a file param has no content (as browsers write it)', () => {
    const result = withPost(
      {
        mimeType: 'multipart/form-data; boundary=----WebKitFormBoundaryX',
        params: [
          { name: 'note', value: 'hi' },
          { name: 'upload', fileName: 'photo.png', contentType: 'image/png' },
        ],
      },
      [{ name: 'content-type', value: 'multipart/form-data; boundary=----WebKitFormBoundaryX' }],
    );
    expect(result.captures).toHaveLength(1);
    expect(result.captures[0]!.body.byteLength).toBe(0);
    expect(result.warnings).toEqual([
      'entries[0].request.postData.params[1]: the file "photo.png" has no value (its content is not in the file); imported with an empty body',
    ]);
  });

  it('imports the entry without a body and says so when it cannot tell how to encode the params', () => {
    const result = withPost({ mimeType: 'multipart/form-data', params: [{ name: 'a', value: 'b' }] });
    expect(result.captures).toHaveLength(1);
    expect(result.captures[0]!.body.byteLength).toBe(0);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^entries\[0\]\.request\.postData: only params, no text, and "multipart\/form-data"/,
      ),
    ]);
  });

  it('decodes base64 text marked with encoding as well as _encoding', () => {
    for (const key of ['encoding', '_encoding']) {
      const [c] = withPost({
        mimeType: 'application/octet-stream',
        text: 'AAEC/w==',
        [key]: 'base64',
      }).captures;
      expect([...c!.body]).toEqual([0, 1, 2, 255]);
    }
  });
});

describe('parseHar (fuzzed)', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        const result = parseHar(text, 0);
        expect(result.captures.length + result.errors.length).toBeGreaterThanOrEqual(0);
        if (result.captures.length === 0)
          expect(result.errors.length).toBeGreaterThanOrEqual(text.trim() === '' ? 1 : 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on any JSON, and accounts for every entry as a capture or an error naming it', () => {
    fc.assert(
      fc.property(fc.oneof(harish, fc.jsonValue()), (value) => {
        const result = parseHar(JSON.stringify(value) ?? 'null', 1_700_000_000_000);
        const entries = (value as { log?: { entries?: unknown } } | null)?.log?.entries;
        if (Array.isArray(entries) && result.errors.every((e) => e.startsWith('entries['))) {
          expect(result.captures.length + result.skipped).toBe(entries.length);
          for (const e of result.errors) expect(e).toMatch(/^entries\[\d+\]/);
        }
        for (const c of result.captures) {
          expect(c.source).toBe('imported');
          expect(c.body).toBeInstanceOf(Buffer);
          expect(Number.isFinite(c.receivedAtMs)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('HAR import of an entry that is not an object', () => {
  it('skips the entry and says so', () => {
    const entry = {
      startedDateTime: '2026-11-22T10:00:00.000Z',
      request: { method: 'POST', url: 'https://example.com/x', headers: [] },
    };
    const result = parseHar(JSON.stringify({ log: { entries: [entry, 'oops', null, [entry], 42] } }), 0);
    expect(result.errors).toEqual([
      'entries[1]: not an object (a string)',
      'entries[2]: not an object (null)',
      'entries[3]: not an object (an array)',
      'entries[4]: not an object (a number)',
    ]);
    expect(result.captures).toHaveLength(1);
  });
});

describe('HAR import of a request whose body the tool left out', () => {
  const entry = (request: Record<string, unknown>) => ({
    startedDateTime: '2026-11-22T10:00:00.000Z',
    request: { method: 'POST', url: 'https://example.com/upload', headers: [], ...request },
  });

  it('warns, naming the entry and the size, when bodySize counts bytes postData does not hold', () => {
    const result = parseHar(
      JSON.stringify({
        log: {
          entries: [
            entry({ bodySize: 2048 }),
            entry({ bodySize: 10, postData: { mimeType: 'application/octet-stream', text: '' } }),
            // Nothing sent, or the size not known: nothing is missing.
            entry({ bodySize: 0 }),
            entry({ bodySize: -1 }),
            entry({ bodySize: 3, postData: { mimeType: 'text/plain', text: 'abc' } }),
          ],
        },
      }),
      0,
    );
    expect(result.captures).toHaveLength(5);
    expect(result.warnings).toEqual([
      'entries[0].request.bodySize: 2048 bytes were sent, but there is no postData; imported with an empty body',
      'entries[1].request.bodySize: 10 bytes were sent, but postData holds none of them; imported with an empty body',
    ]);
  });
});
