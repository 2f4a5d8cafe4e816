import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEngineApi } from '../../helpers/engine-api';
import { exportedResponses, importRecordedResponse } from '../../helpers/recorded-response';

// A redacted export shortened a recorded response's body ("[redacted]" for a longer token) but kept its Content-Length
// as recorded, so the exported response described a body it no longer had; the request side already moved it.
const s = useEngineApi();

const responseJson = '{"access_token":"RESPSECRET-a-long-access-token-value","note":"kept"}';

beforeAll(async () => {
  for (const [name, body, encoding] of [
    ['plain', Buffer.from(responseJson), null],
    ['gzip', gzipSync(responseJson), 'gzip'],
  ] as const) {
    await importRecordedResponse(
      s.api,
      name,
      [
        { name: 'Content-Type', value: 'application/json' },
        ...(encoding ? [{ name: 'Content-Encoding', value: encoding }] : []),
        { name: 'Content-Length', value: String(body.length) },
      ],
      body,
    );
  }
});

const contentLengthOf = (headers: Array<[string, string]>) =>
  headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1];

describe('a redacted export of a recorded response', () => {
  it.each(['json', 'har'] as const)(
    'gives its Content-Length the length of the body exported (%s)',
    async (format) => {
      const responses = await exportedResponses(s.api, format);
      expect(responses.map((r) => r.name).sort()).toEqual(['gzip', 'plain']);
      for (const r of responses) {
        expect(r.body.toString('latin1')).not.toContain('RESPSECRET');
        expect(contentLengthOf(r.headers)).toBe(String(r.body.length));
      }
    },
  );

  it('keeps the recorded Content-Length with redact: false', async () => {
    const plain = (await exportedResponses(s.api, 'json', false)).find((r) => r.name === 'plain');
    expect(contentLengthOf(plain!.headers)).toBe(String(Buffer.byteLength(responseJson)));
  });
});
