import { describe, expect, it } from 'vitest';
import { importHarEntry, replayToServer } from './har-replay';
import { useApiHarness } from './helpers';

const api = useApiHarness();

/** The body and Content-Type the server received for a replay of a HAR entry with postData.text 'café' and more. */
async function replayed(
  path: string,
  headers: Array<{ name: string; value: string }>,
  postData: { mimeType: string; text: string },
) {
  const capture = await importHarEntry(api, path, headers, { postData });
  await replayToServer(api, capture.id, `/replayed${path}`);
  const got = api.server.received.find((r) => r.url === `/replayed${path}`)!;
  const raw = got.rawHeaders;
  const types = raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'content-type');
  return { body: got.body, types, warnings: capture.warnings };
}

describe('a HAR entry whose text is under a charset other than UTF-8', () => {
  it('is replayed in the charset postData.mimeType declares', async () => {
    const mimeType = 'text/plain; charset=iso-8859-1';
    const got = await replayed('/har-latin1', [], { mimeType, text: 'café' });
    expect(got.body.toString('hex')).toBe(Buffer.from('café', 'latin1').toString('hex'));
    expect(got.types).toEqual([mimeType]);
    expect(got.warnings).toEqual([]);
  });

  it('is replayed in the charset the entry’s Content-Type header declares', async () => {
    const type = 'text/plain; charset=windows-1251';
    const got = await replayed('/har-header-charset', [{ name: 'Content-Type', value: type }], {
      mimeType: 'text/plain',
      text: 'привет',
    });
    expect(got.body.toString('hex')).toBe('eff0e8e2e5f2');
    expect(got.types).toEqual([type]);
  });

  it('is replayed in UTF-16 when it says so', async () => {
    const got = await replayed('/har-utf16', [], { mimeType: 'text/plain; charset=utf-16le', text: 'café' });
    expect(got.body.toString('hex')).toBe(Buffer.from('café', 'utf16le').toString('hex'));
  });

  it('goes out as UTF-8, labelled utf-8, with a warning naming the entry, when a character has no byte in it', async () => {
    const got = await replayed(
      '/har-latin1-euro',
      [{ name: 'Content-Type', value: 'text/plain; charset=ISO-8859-1' }],
      {
        mimeType: 'text/plain',
        text: 'café 5 €',
      },
    );
    expect(got.body.toString('utf8')).toBe('café 5 €');
    expect(got.types).toEqual(['text/plain; charset=utf-8']);
    expect(got.warnings).toEqual([
      expect.stringMatching(/^entries\[0\]\.request\.postData\.text: .*"iso-8859-1".*utf-8/),
    ]);
  });

  it('goes out as UTF-8, labelled utf-8, with a warning, when the charset is unknown', async () => {
    const got = await replayed('/har-unknown-charset', [], {
      mimeType: 'application/json; charset="x-made-up"',
      text: '{"name":"café"}',
    });
    expect(got.body.toString('utf8')).toBe('{"name":"café"}');
    expect(got.types).toEqual(['application/json; charset=utf-8']);
    expect(got.warnings).toEqual([
      expect.stringMatching(/^entries\[0\]\.request\.postData\.text: .*"x-made-up"/),
    ]);
  });
});

describe('a HAR entry whose text holds a lone surrogate', () => {
  it('under charset=utf-8 is sent as UTF-8 with U+FFFD in its place, labelled as given, and the warning says so', async () => {
    const mimeType = 'text/plain; charset=UTF-8';
    const got = await replayed('/har-lone-surrogate', [], { mimeType, text: 'a\ud800b' });
    expect(got.body.toString('hex')).toBe('61efbfbd62');
    expect(got.types).toEqual([mimeType]);
    expect(got.warnings).toEqual([
      'entries[0].request.postData.text: holds a lone surrogate (half of a UTF-16 pair, no character on its own), written as U+FFFD',
    ]);
  });

  it('under charset=utf-16le is still sent in UTF-16, with U+FFFD in its place', async () => {
    const got = await replayed('/har-lone-surrogate-16', [], {
      mimeType: 'text/plain; charset=utf-16le',
      text: 'a\udc00b',
    });
    expect(got.body.toString('hex')).toBe(Buffer.from('a\ufffdb', 'utf16le').toString('hex'));
    expect(got.warnings).toEqual([
      expect.stringMatching(/postData\.text: holds a lone surrogate .*U\+FFFD$/),
    ]);
  });
});
