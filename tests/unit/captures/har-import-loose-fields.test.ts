import { describe, expect, it } from 'vitest';
import { parseHar } from '../../../electron/engine/captures/har-import';

const entry = (request: Record<string, unknown>, response?: unknown) => ({
  startedDateTime: '2024-01-02T03:04:05.000Z',
  request: { method: 'POST', url: 'https://hooks.example.com/in', ...request },
  ...(response === undefined ? {} : { response }),
});
const parse = (...entries: unknown[]) => parseHar(JSON.stringify({ log: { entries } }), 1234);

describe('HAR import of harmless fields written loosely', () => {
  it('reads postData: null as no body, with a warning', () => {
    const result = parse(entry({ headers: [{ name: 'X-A', value: '1' }], postData: null }));
    expect(result.errors).toEqual([]);
    expect(result.captures[0]!.body.length).toBe(0);
    expect(result.captures[0]!.headers).toEqual([['X-A', '1']]);
    expect(result.warnings).toEqual(['entries[0].request.postData: null; read as no body']);
  });

  it('reads httpVersion: null as HTTP/1.1, with a warning', () => {
    const result = parse(entry({ httpVersion: null, headers: [] }));
    expect(result.errors).toEqual([]);
    expect(result.captures[0]!.httpVersion).toBe('1.1');
    expect(result.warnings).toEqual(['entries[0].request.httpVersion: not text but null; read as HTTP/1.1']);
  });

  it('reads headers: null as no headers, with a warning, and keeps the body', () => {
    const result = parse(entry({ headers: null, postData: { mimeType: 'text/plain', text: 'hello' } }));
    expect(result.errors).toEqual([]);
    expect(result.captures[0]!.body.toString()).toBe('hello');
    expect(result.warnings).toEqual(['entries[0].request.headers: not a list but null; read as no headers']);
  });

  it('reads bodySize "12" as 12, with a warning', () => {
    const result = parse(
      entry({ headers: [], bodySize: '12', postData: { mimeType: 'text/plain', text: '' } }),
    );
    expect(result.errors).toEqual([]);
    expect(result.captures).toHaveLength(1);
    expect(result.warnings).toEqual([
      'entries[0].request.bodySize: text, not a number; read as 12',
      'entries[0].request.bodySize: 12 bytes were sent, but postData holds none of them; imported with an empty body',
    ]);
  });

  it('keeps a header whose value is null as an empty value, with a warning naming it', () => {
    const result = parse(
      entry({
        headers: [
          { name: 'X-Empty', value: null },
          { name: 'X-Kept', value: 'yes' },
        ],
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.captures[0]!.headers).toEqual([
      ['X-Empty', ''],
      ['X-Kept', 'yes'],
    ]);
    expect(result.warnings).toEqual(['entries[0].request.headers[0].value: null; read as an empty value']);
  });

  it('keeps the response when one of its header values is null', () => {
    const result = parse(
      entry(
        { headers: [] },
        { status: 200, headers: [{ name: 'X-R', value: null }], content: { text: 'ok' } },
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.captures[0]!.response?.status).toBe(200);
    expect(result.captures[0]!.response?.headers).toEqual([['X-R', '']]);
    expect(result.warnings).toEqual(['entries[0].response.headers[0].value: null; read as an empty value']);
  });

  it('still refuses an entry whose method is not a token', () => {
    const result = parse(entry({ method: 'BAD METHOD', headers: null }));
    expect(result.captures).toEqual([]);
    expect(result.errors[0]).toMatch(/^entries\[0\]: request\.method: /);
  });
});
