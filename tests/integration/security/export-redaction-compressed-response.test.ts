import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEngineApi } from '../../helpers/engine-api';
import { exportedResponses, importRecordedResponse } from '../../helpers/recorded-response';

// A recorded response sent with a Content-Encoding (an imported API answer, gzip as servers send it) holds its secrets
// compressed: a redacted export wrote them as stored, so anyone gunzipping the exported body read the access token.
const s = useEngineApi();

const responseJson = '{"access_token":"RESPSECRET1","note":"kept"}';

const jsonEncodedAs = (encoding: string) => [
  { name: 'Content-Type', value: 'application/json' },
  { name: 'Content-Encoding', value: encoding },
];

beforeAll(async () => {
  await importRecordedResponse(s.api, 'gzip', jsonEncodedAs('gzip'), gzipSync(responseJson));
  await importRecordedResponse(s.api, 'br', jsonEncodedAs('br'), brotliCompressSync(responseJson));
});

const undo: Record<string, (b: Buffer) => Buffer> = { gzip: gunzipSync, br: brotliDecompressSync };

/** Each compressed response exported, by its Content-Encoding, decompressed. */
async function decompressedResponses(format: 'json' | 'har'): Promise<Map<string, string>> {
  return new Map(
    (await exportedResponses(s.api, format))
      .filter(({ name }) => name in undo)
      .map(({ name, body }) => [name, undo[name]!(body).toString()]),
  );
}

describe('a redacted export of a compressed recorded response', () => {
  it.each(['json', 'har'] as const)(
    'redacts its secret fields inside the compression (%s)',
    async (format) => {
      const bodies = await decompressedResponses(format);
      expect([...bodies.keys()].sort()).toEqual(['br', 'gzip']);
      for (const text of bodies.values()) {
        expect(text).not.toContain('RESPSECRET1');
        expect(JSON.parse(text)).toEqual({ access_token: '[redacted]', note: 'kept' });
      }
    },
  );

  it('redacts a response a browser HAR gave decoded under its Content-Encoding: gzip header', async () => {
    await importRecordedResponse(s.api, 'browser', jsonEncodedAs('gzip'), responseJson);
    const browser = (await exportedResponses(s.api, 'json')).find((r) => r.name === 'browser');
    // Stored compressed again under its header (the content a browser writes is decoded), so redacted inside it.
    const body = gunzipSync(browser!.body).toString();
    expect(JSON.parse(body)).toEqual({ access_token: '[redacted]', note: 'kept' });
  });

  it('keeps it as stored with redact: false', async () => {
    const gzip = (await exportedResponses(s.api, 'json', false)).find((r) => r.name === 'gzip');
    expect(gunzipSync(gzip!.body).toString()).toBe(responseJson);
  });
});
