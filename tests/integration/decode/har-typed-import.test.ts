import { describe, expect, it } from 'vitest';
import { importHarEntry } from '../delivery/har-replay';
import { useApiHarness, type ApiReply } from '../delivery/helpers';

const api = useApiHarness();

// The HAR gave the type, boundary and charset included, in postData.mimeType alone: the headers have no Content-Type.
describe('an imported capture typed only by postData.mimeType', () => {
  it('is decoded as multipart by the boundary in that type, and searched by its fields', async () => {
    const capture = await importHarEntry(api, '/har-multipart-decode', [], {
      postData: {
        mimeType: 'multipart/form-data; boundary=XyZ',
        text: '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nzanzibar@b.co\r\n--XyZ--\r\n',
      },
    });
    const decoded = (await api.call('decode.capture', { id: capture.id })) as ApiReply & {
      value: { bodyFormat: string };
    };
    expect(decoded.value.bodyFormat).toBe('form');

    expect(await searchIds('email: zanzibar')).toEqual([capture.id]);
  });

  it('is labelled with its vendor, read as multipart by the boundary in that type', async () => {
    const field = (name: string, value: string) =>
      `--XyZ123\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const capture = await importHarEntry(api, '/har-multipart-vendor', [], {
      postData: {
        mimeType: 'multipart/form-data; boundary=XyZ123',
        text: `${field('firstname', 'Ann')}${field('lastname', 'Lee')}${field('contact_id', '7')}--XyZ123--\r\n`,
      },
    });
    const summary = api.engine.ctx.captures.list({ limit: 50 }).items.find((c) => c.id === capture.id);
    expect(summary?.vendor).toBe('Ontraport');
  });

  it('is searched in the charset that type names', async () => {
    const capture = await importHarEntry(api, '/har-latin1-search', [], {
      postData: {
        mimeType: 'text/plain; charset=iso-8859-1',
        text: Buffer.from('café crème', 'latin1').toString('base64'),
        encoding: 'base64',
      } as { mimeType: string; text: string },
    });
    expect(await searchIds('crème')).toEqual([capture.id]);
  });
});

async function searchIds(text: string): Promise<number[]> {
  const found = (await api.call('captures.list', { filter: { text }, complete: true })) as ApiReply & {
    value: { items: Array<{ id: number }> };
  };
  return found.value.items.map((c) => c.id);
}
