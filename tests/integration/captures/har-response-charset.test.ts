import { describe, expect, it } from 'vitest';
import { useFreshEngines } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;
const engines = useFreshEngines();

type HarHeader = { name: string; value: string };

/** The stored response of a HAR entry imported through the API, and the import's warnings. */
async function importedResponse(
  headers: HarHeader[],
  content: { mimeType: string; text: string; encoding?: string },
  extra: Record<string, unknown> = {},
) {
  const engine = await engines.start();
  const har = JSON.stringify({
    log: {
      entries: [
        {
          startedDateTime: '2026-11-20T10:00:00.000Z',
          request: { method: 'POST', url: 'https://hooks.example.com/h/charset', headers: [] },
          response: { status: 200, headers, content },
          ...extra,
        },
      ],
    },
  });
  const result = await engine.handlers['captures.importHar']({ har }, meta);
  expect(result.imported).toBe(1);
  const [summary] = (await engine.handlers['captures.list']({ limit: 10 }, meta)).items;
  const detail = await engine.handlers['captures.get']({ id: summary!.id }, meta);
  return {
    hex: Buffer.from(detail.response!.bodyBase64, 'base64').toString('hex'),
    types: detail.response!.headers.filter(([n]) => n.toLowerCase() === 'content-type').map(([, v]) => v),
    warnings: result.warnings,
  };
}

const hex = (text: string, encoding: BufferEncoding) => Buffer.from(text, encoding).toString('hex');

describe('a HAR response whose content.text is under a charset other than UTF-8', () => {
  it('is stored in the charset content.mimeType declares', async () => {
    const got = await importedResponse([], { mimeType: 'text/plain; charset=iso-8859-1', text: 'café' });
    expect(got.hex).toBe('636166e9');
    expect(got.warnings).toEqual([]);
  });

  it('is stored in the charset the response’s Content-Type header declares', async () => {
    const type = 'text/plain; charset=windows-1251';
    const got = await importedResponse([{ name: 'Content-Type', value: type }], {
      mimeType: 'text/plain',
      text: 'привет',
    });
    expect(got.hex).toBe('eff0e8e2e5f2');
    expect(got.types).toEqual([type]);
  });

  it('is stored as UTF-8, relabelled utf-8, with a warning naming the field, when a character has no byte in it', async () => {
    const got = await importedResponse([{ name: 'Content-Type', value: 'text/plain; charset=ISO-8859-1' }], {
      mimeType: 'text/plain; charset=ISO-8859-1',
      text: 'café 5 €',
    });
    expect(got.hex).toBe(hex('café 5 €', 'utf8'));
    expect(got.types).toEqual(['text/plain; charset=utf-8']);
    expect(got.warnings).toEqual([
      expect.stringMatching(/^entries\[0\]\.response\.content\.text: .*"iso-8859-1".*UTF-8/),
    ]);
  });

  it('is stored as UTF-8 with a warning naming the field when the charset is unknown', async () => {
    const got = await importedResponse([], {
      mimeType: 'application/json; charset="x-made-up"',
      text: '{"name":"café"}',
    });
    expect(got.hex).toBe(hex('{"name":"café"}', 'utf8'));
    expect(got.warnings).toEqual([
      expect.stringMatching(/^entries\[0\]\.response\.content\.text: .*"x-made-up"/),
    ]);
  });

  it('keeps base64 content as the bytes given, whatever the charset', async () => {
    const got = await importedResponse([], {
      mimeType: 'text/plain; charset=iso-8859-1',
      text: Buffer.from('café', 'utf8').toString('base64'),
      encoding: 'base64',
    });
    expect(got.hex).toBe(hex('café', 'utf8'));
    expect(got.warnings).toEqual([]);
  });

  it('reads Hookscope’s own export (text only for a UTF-8 body) as UTF-8 bytes', async () => {
    const got = await importedResponse(
      [{ name: 'content-type', value: 'text/plain; charset=iso-8859-1' }],
      { mimeType: 'text/plain; charset=iso-8859-1', text: 'café' },
      { _hookscope: { remoteAddress: '127.0.0.1' } },
    );
    expect(got.hex).toBe(hex('café', 'utf8'));
    expect(got.warnings).toEqual([]);
  });

  it('holding a lone surrogate is stored with U+FFFD in its place, labelled as given, and the warning says so', async () => {
    const type = 'text/plain; charset=UTF-8';
    const got = await importedResponse([{ name: 'Content-Type', value: type }], {
      mimeType: type,
      text: 'a\ud800b',
    });
    expect(got.hex).toBe('61efbfbd62');
    expect(got.types).toEqual([type]);
    expect(got.warnings).toEqual([
      'entries[0].response.content.text: holds a lone surrogate (half of a UTF-16 pair, no character on its own), written as U+FFFD',
    ]);
  });
});
