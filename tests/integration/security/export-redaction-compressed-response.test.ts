import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEngineApi } from '../../helpers/engine-api';

// A recorded response sent with a Content-Encoding (an imported API answer, gzip as servers send it) holds its secrets
// compressed: a redacted export wrote them as stored, so anyone gunzipping the exported body read the access token.
const s = useEngineApi();

const responseJson = '{"access_token":"RESPSECRET1","note":"kept"}';

function harWithResponse(encoding: string, compressed: Buffer): string {
  return JSON.stringify({
    log: {
      entries: [
        {
          startedDateTime: '2026-11-20T10:00:00.000Z',
          request: { method: 'GET', url: `https://api.example.com/${encoding}`, headers: [] },
          response: {
            status: 200,
            headers: [
              { name: 'Content-Type', value: 'application/json' },
              { name: 'Content-Encoding', value: encoding },
            ],
            content: {
              mimeType: 'application/json',
              text: compressed.toString('base64'),
              encoding: 'base64',
            },
          },
        },
      ],
    },
  });
}

beforeAll(async () => {
  for (const [encoding, body] of [
    ['gzip', gzipSync(responseJson)],
    ['br', brotliCompressSync(responseJson)],
  ] as const) {
    const imported = await s.api.call('captures.importHar', { har: harWithResponse(encoding, body) });
    expect(imported.imported).toBe(1);
  }
});

const undo: Record<string, (b: Buffer) => Buffer> = { gzip: gunzipSync, br: brotliDecompressSync };

async function exportedResponses(format: 'json' | 'har'): Promise<Map<string, string>> {
  const { content } = await s.api.call('captures.export', { format, redact: true });
  const bodies = new Map<string, string>();
  if (format === 'json') {
    for (const c of JSON.parse(content) as Array<{ path: string; response: { bodyBase64: string } }>)
      bodies.set(c.path.slice(1), c.response.bodyBase64);
  } else {
    const har = JSON.parse(content) as {
      log: { entries: Array<{ request: { url: string }; response: { content: { text: string } } }> };
    };
    for (const e of har.log.entries)
      bodies.set(new URL(e.request.url).pathname.slice(1), e.response.content.text);
  }
  return new Map(
    [...bodies]
      .filter(([encoding]) => encoding in undo)
      .map(([encoding, b64]) => [encoding, undo[encoding]!(Buffer.from(b64, 'base64')).toString()]),
  );
}

describe('a redacted export of a compressed recorded response', () => {
  it.each(['json', 'har'] as const)(
    'redacts its secret fields inside the compression (%s)',
    async (format) => {
      const bodies = await exportedResponses(format);
      expect([...bodies.keys()].sort()).toEqual(['br', 'gzip']);
      for (const text of bodies.values()) {
        expect(text).not.toContain('RESPSECRET1');
        expect(JSON.parse(text)).toEqual({ access_token: '[redacted]', note: 'kept' });
      }
    },
  );

  it('redacts a response a browser HAR gave decoded under its Content-Encoding: gzip header', async () => {
    const har = JSON.stringify({
      log: {
        entries: [
          {
            startedDateTime: '2026-11-20T10:00:01.000Z',
            request: { method: 'GET', url: 'https://api.example.com/browser', headers: [] },
            response: {
              status: 200,
              headers: [
                { name: 'Content-Type', value: 'application/json' },
                { name: 'Content-Encoding', value: 'gzip' },
              ],
              content: { mimeType: 'application/json', text: responseJson },
            },
          },
        ],
      },
    });
    expect((await s.api.call('captures.importHar', { har })).imported).toBe(1);
    const { content } = await s.api.call('captures.export', { format: 'json', redact: true });
    const [c] = (JSON.parse(content) as Array<{ path: string; response: { bodyBase64: string } }>).filter(
      (c) => c.path === '/browser',
    );
    const body = Buffer.from(c!.response.bodyBase64, 'base64').toString();
    expect(JSON.parse(body)).toEqual({ access_token: '[redacted]', note: 'kept' });
  });

  it('keeps it as stored with redact: false', async () => {
    const { content } = await s.api.call('captures.export', { format: 'json', redact: false });
    const [c] = (JSON.parse(content) as Array<{ path: string; response: { bodyBase64: string } }>).filter(
      (c) => c.path === '/gzip',
    );
    expect(gunzipSync(Buffer.from(c!.response.bodyBase64, 'base64')).toString()).toBe(responseJson);
  });
});
