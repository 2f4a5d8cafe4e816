import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEngineApi } from '../../helpers/engine-api';

// A redacted export shortened a recorded response's body ("[redacted]" for a longer token) but kept its Content-Length
// as recorded, so the exported response described a body it no longer had; the request side already moved it.
const s = useEngineApi();

const responseJson = '{"access_token":"RESPSECRET-a-long-access-token-value","note":"kept"}';

function harWithResponse(name: string, body: Buffer, encoding: string | null): string {
  return JSON.stringify({
    log: {
      entries: [
        {
          startedDateTime: '2026-11-20T10:00:00.000Z',
          request: { method: 'GET', url: `https://api.example.com/${name}`, headers: [] },
          response: {
            status: 200,
            headers: [
              { name: 'Content-Type', value: 'application/json' },
              ...(encoding ? [{ name: 'Content-Encoding', value: encoding }] : []),
              { name: 'Content-Length', value: String(body.length) },
            ],
            content: { mimeType: 'application/json', text: body.toString('base64'), encoding: 'base64' },
          },
        },
      ],
    },
  });
}

beforeAll(async () => {
  for (const [name, body, encoding] of [
    ['plain', Buffer.from(responseJson), null],
    ['gzip', gzipSync(responseJson), 'gzip'],
  ] as const) {
    expect(
      (await s.api.call('captures.importHar', { har: harWithResponse(name, body, encoding) })).imported,
    ).toBe(1);
  }
});

type Exported = { name: string; contentLength: string | undefined; body: Buffer };

const contentLengthOf = (headers: Array<[string, string]>) =>
  headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1];

async function exportedResponses(format: 'json' | 'har'): Promise<Exported[]> {
  const { content } = await s.api.call('captures.export', { format, redact: true });
  if (format === 'json') {
    const captures = JSON.parse(content) as Array<{
      path: string;
      response: { headers: Array<[string, string]>; bodyBase64: string };
    }>;
    return captures.map((c) => ({
      name: c.path.slice(1),
      contentLength: contentLengthOf(c.response.headers),
      body: Buffer.from(c.response.bodyBase64, 'base64'),
    }));
  }
  const har = JSON.parse(content) as {
    log: {
      entries: Array<{
        request: { url: string };
        response: {
          headers: Array<{ name: string; value: string }>;
          content: { text: string; encoding?: string };
        };
      }>;
    };
  };
  return har.log.entries.map((e) => ({
    name: new URL(e.request.url).pathname.slice(1),
    contentLength: contentLengthOf(e.response.headers.map((h) => [h.name, h.value])),
    body: Buffer.from(e.response.content.text, e.response.content.encoding === 'base64' ? 'base64' : 'utf8'),
  }));
}

describe('a redacted export of a recorded response', () => {
  it.each(['json', 'har'] as const)(
    'gives its Content-Length the length of the body exported (%s)',
    async (format) => {
      const responses = await exportedResponses(format);
      expect(responses.map((r) => r.name).sort()).toEqual(['gzip', 'plain']);
      for (const r of responses) {
        expect(r.body.toString('latin1')).not.toContain('RESPSECRET');
        expect(r.contentLength).toBe(String(r.body.length));
      }
    },
  );

  it('keeps the recorded Content-Length with redact: false', async () => {
    const { content } = await s.api.call('captures.export', { format: 'json', redact: false });
    const plain = (
      JSON.parse(content) as Array<{ path: string; response: { headers: Array<[string, string]> } }>
    ).find((c) => c.path === '/plain');
    expect(contentLengthOf(plain!.response.headers)).toBe(String(Buffer.byteLength(responseJson)));
  });
});
