import { describe, expect, it } from 'vitest';
import { parseHar } from '../../../electron/engine/captures/har-import';

const parse = (...urls: string[]) =>
  parseHar(
    JSON.stringify({
      log: {
        entries: urls.map((url) => ({
          startedDateTime: '2024-01-02T03:04:05.000Z',
          request: { method: 'POST', url, headers: [] },
        })),
      },
    }),
    1234,
  );

describe('HAR import of a request.url written as host:port with no scheme', () => {
  it.each([
    ['localhost:3000/hook', 'http://localhost:3000', '/hook', ''],
    ['127.0.0.1:8080', 'http://127.0.0.1:8080', '/', ''],
    ['hooks.example.com:443/in?a=1', 'http://hooks.example.com:443', '/in', 'a=1'],
    ['[::1]:3000/x', 'http://[::1]:3000', '/x', ''],
  ])('reads %s with http:// before it and warns, naming the URL', (written, origin, path, query) => {
    const result = parse(written);
    expect(result.errors).toEqual([]);
    expect(result.captures[0]).toMatchObject({ publicUrl: origin, path, query });
    expect(result.warnings).toEqual([
      `entries[0].request.url: ${JSON.stringify(written)} lacks http://, so its host would read as a scheme; read with http:// before it`,
    ]);
  });

  it.each(['https://hooks.example.com:8443/in', 'http:80/x', 'urn:example:hook'])(
    'leaves %s as written, with no warning',
    (written) => {
      const result = parse(written);
      expect(result.captures).toHaveLength(1);
      expect(result.warnings).toEqual([]);
    },
  );
});
