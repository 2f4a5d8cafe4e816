import { describe, expect, it } from 'vitest';
import { importHarEntry, replayToServer } from './har-replay';
import { until, useApiHarness, type ApiReply } from './helpers';

const api = useApiHarness();

// postData.mimeType is the only record of the body's charset when the entry's headers have no Content-Type.
describe('a HAR entry typed only by postData.mimeType, with parameters', () => {
  const mimeType = 'text/plain; charset=iso-8859-1';

  it('is replayed, copied as cURL and exported with the whole type, charset included', async () => {
    const capture = await importHarEntry(api, '/har-charset', [], { postData: { mimeType, text: 'café' } });
    expect(capture.contentType).toBe('text/plain');

    await replayToServer(api, capture.id, '/replayed-har-charset');
    const raw = api.server.received.find((r) => r.url === '/replayed-har-charset')!.rawHeaders;
    const types = raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'content-type');
    expect(types).toEqual([mimeType]);

    const exported = async (format: string) =>
      (
        (await api.call('captures.export', { format, ids: [capture.id] })) as ApiReply & {
          value: { content: string };
        }
      ).value.content;
    expect(await exported('curl')).toContain(`Content-Type: ${mimeType}`);
    const har = JSON.parse(await exported('har')) as {
      log: { entries: Array<{ request: { postData: { mimeType: string } } }> };
    };
    expect(har.log.entries[0]!.request.postData.mimeType).toBe(mimeType);
  });

  it('keeps a multipart boundary given in the type as it was given, not twice', async () => {
    const capture = await importHarEntry(api, '/har-boundary', [], {
      postData: {
        mimeType: 'multipart/form-data; boundary=b1; charset=utf-8',
        text: '--b1\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b1--\r\n',
      },
    });
    await replayToServer(api, capture.id, '/replayed-har-boundary');
    const raw = api.server.received.find((r) => r.url === '/replayed-har-boundary')!.rawHeaders;
    const types = raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'content-type');
    expect(types).toEqual(['multipart/form-data; boundary=b1; charset=utf-8']);
  });

  it('keeps the whole type through a delete and its undo', async () => {
    const capture = await importHarEntry(api, '/har-charset-undo', [], { postData: { mimeType, text: 'x' } });
    await api.call('captures.delete', { ids: [capture.id] });
    await api.call('captures.restore', { ids: [capture.id] });
    const restored = await until(async () => {
      const got = (await api.call('captures.get', { id: capture.id })) as ApiReply & {
        value?: { harContentType?: string | null };
      };
      return got.ok ? got.value : undefined;
    });
    expect(restored!.harContentType).toBe(mimeType);
  });
});
