import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useFreshEngines } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;
const engines = useFreshEngines();

/** A browser's HAR entry (Chrome, Firefox): the response headers as sent, its content decoded. */
async function importedResponse(encoding: string, content: { text: string; encoding?: string }) {
  const engine = await engines.start();
  const har = JSON.stringify({
    log: {
      creator: { name: 'WebInspector', version: '537.36' },
      entries: [
        {
          startedDateTime: '2026-11-20T10:00:00.000Z',
          request: { method: 'POST', url: 'https://api.example.com/hook', headers: [] },
          response: {
            status: 200,
            headers: [
              { name: 'content-type', value: 'application/json' },
              { name: 'content-encoding', value: encoding },
            ],
            content: { size: 21, mimeType: 'application/json', compression: -10, ...content },
          },
        },
      ],
    },
  });
  const result = await engine.handlers['captures.importHar']({ har }, meta);
  expect(result.imported).toBe(1);
  const [summary] = (await engine.handlers['captures.list']({ limit: 10 }, meta)).items;
  const detail = await engine.handlers['captures.get']({ id: summary!.id }, meta);
  const decoded = detail.response!.decodedBodyBase64 ?? null;
  return {
    shown: decoded === null ? null : Buffer.from(decoded, 'base64').toString('utf8'),
    note: detail.response!.decodeNote,
    warnings: result.warnings,
  };
}

const json = '{"ok":"compressed"}';

describe('a HAR response sent with a Content-Encoding, its content decoded as HAR 1.2 writes it', () => {
  for (const coding of ['gzip', 'br', 'deflate', 'zstd', 'gzip, br']) {
    it(`is shown decoded, not as bytes that fail to decode (${coding})`, async () => {
      const got = await importedResponse(coding, { text: json });
      expect(got).toEqual({ shown: json, note: null, warnings: [] });
    });
  }

  it('is shown decoded when the decoded content is base64', async () => {
    const got = await importedResponse('gzip', {
      text: Buffer.from(json).toString('base64'),
      encoding: 'base64',
    });
    expect(got).toEqual({ shown: json, note: null, warnings: [] });
  });

  it('is kept as given when a tool wrote the compressed bytes themselves', async () => {
    const sent = gzipSync(json).toString('base64');
    const got = await importedResponse('gzip', { text: sent, encoding: 'base64' });
    expect(got).toEqual({ shown: json, note: null, warnings: [] });
  });

  it('is kept as given, with a warning naming the field, when the coding is one Hookscope cannot apply', async () => {
    const got = await importedResponse('compress', { text: json });
    expect(got.warnings).toEqual([
      expect.stringMatching(/^entries\[0\]\.response\.headers: Content-Encoding "compress"/),
    ]);
  });
});
