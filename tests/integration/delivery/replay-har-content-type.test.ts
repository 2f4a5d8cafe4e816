import { describe, expect, it } from 'vitest';
import { importHarEntry, replayToServer } from './har-replay';
import { useApiHarness } from './helpers';

const api = useApiHarness();

/** A HAR entry from a tool that put the body's type in postData.mimeType only, not in the headers. */
const importOne = (
  path: string,
  headers: Array<{ name: string; value: string }>,
  postData?: { mimeType: string; text: string },
) => importHarEntry(api, path, headers, { postData });

async function replayedHeaders(captureId: number, path: string) {
  const delivery = await replayToServer(api, captureId, path);
  expect(delivery.state).toBe('succeeded');
  return api.server.received.find((r) => r.url === path)!.rawHeaders;
}

describe('replaying a HAR entry whose Content-Type is only in postData.mimeType', () => {
  it('keeps the captured headers as sent, and replays with the type from postData', async () => {
    const capture = await importOne('/har-mime', [{ name: 'X-Trace', value: '1' }]);
    expect(capture.contentType).toBe('application/json');
    expect(capture.headers).toEqual([['X-Trace', '1']]);
    const raw = await replayedHeaders(capture.id, '/replayed-har-mime');
    const got = new Map<string, string[]>();
    for (let i = 0; i < raw.length; i += 2)
      got.set(raw[i]!.toLowerCase(), [...(got.get(raw[i]!.toLowerCase()) ?? []), raw[i + 1]!]);
    expect(got.get('content-type')).toEqual(['application/json']);
    expect(got.get('x-trace')).toEqual(['1']);
  });

  it('gives a multipart body the boundary its first line opens with, which the stored media type leaves out', async () => {
    const body = '------hs7Q\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n------hs7Q--\r\n';
    const capture = await importOne('/har-multipart', [], {
      mimeType: 'multipart/form-data; boundary=----hs7Q',
      text: body,
    });
    expect(capture.contentType).toBe('multipart/form-data');
    const raw = await replayedHeaders(capture.id, '/replayed-har-multipart');
    const types = raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'content-type');
    expect(types).toEqual(['multipart/form-data; boundary=----hs7Q']);
  });

  it('adds nothing when the headers carry a Content-Type of their own', async () => {
    const capture = await importOne('/har-own-type', [{ name: 'content-type', value: 'text/plain' }]);
    const raw = await replayedHeaders(capture.id, '/replayed-har-own-type');
    const types = raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'content-type');
    expect(types).toEqual(['text/plain']);
  });
});
