import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';
import { useTestEngine } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;

/** A HAR entry from a tool that gave the body's type in postData.mimeType only, not in the headers. */
const entry = (
  path: string,
  headers: Array<{ name: string; value: string }>,
  mimeType: string,
  text: string,
) => ({
  startedDateTime: '2026-11-20T10:00:00.000Z',
  request: {
    method: 'POST',
    url: `https://hooks.example.com${path}`,
    headers,
    postData: { mimeType, text },
  },
});

const contentTypes = (headers: Array<[string, string]>) =>
  headers.filter(([name]) => name.toLowerCase() === 'content-type').map(([, value]) => value);

describe('exporting a HAR-imported capture whose Content-Type was in postData.mimeType only', () => {
  const test = useTestEngine();

  async function importOne(...args: Parameters<typeof entry>) {
    const { engine } = test;
    const har = JSON.stringify({ log: { entries: [entry(...args)] } });
    expect((await engine.handlers['captures.importHar']({ har, duplicates: true }, meta)).imported).toBe(1);
    const [summary] = (await engine.handlers['captures.list']({ limit: 1 }, meta)).items;
    return summary!.id;
  }
  const exportOne = (id: number, format: 'curl' | 'har') =>
    test.engine.handlers['captures.export']({ format, ids: [id], redact: false, limit: 1 }, meta);
  const curlOf = async (id: number) => {
    const script = (await exportOne(id, 'curl')).content;
    return parseCurl(script.slice(script.indexOf('\n') + 1).trim());
  };

  it('copies as cURL with that Content-Type', async () => {
    const id = await importOne(
      '/curl-mime',
      [{ name: 'X-Trace', value: '1' }],
      'application/json',
      '{"a":1}',
    );
    const curl = await curlOf(id);
    expect(contentTypes(curl.headers)).toEqual(['application/json']);
    expect(curl.headers.find(([n]) => n === 'X-Trace')).toEqual(['X-Trace', '1']);
  });

  it('copies a multipart body as cURL with the boundary its first line opens with', async () => {
    const body = '--hs7Q\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--hs7Q--\r\n';
    const id = await importOne('/curl-multipart', [], 'multipart/form-data; boundary=hs7Q', body);
    expect(contentTypes((await curlOf(id)).headers)).toEqual(['multipart/form-data; boundary=hs7Q']);
  });

  it('adds no second Content-Type when the headers carry one', async () => {
    const id = await importOne(
      '/curl-own',
      [{ name: 'content-type', value: 'text/plain' }],
      'application/json',
      '{}',
    );
    expect(contentTypes((await curlOf(id)).headers)).toEqual(['text/plain']);
  });

  it('exports HAR with that postData.mimeType (headers as captured), and imports it back with the type', async () => {
    const { engine } = test;
    const id = await importOne('/har-mime', [{ name: 'X-Trace', value: '1' }], 'application/json', '{"a":1}');
    const exported = JSON.parse((await exportOne(id, 'har')).content) as {
      log: { entries: Array<{ request: { headers: unknown[]; postData: { mimeType: string } } }> };
    };
    const request = exported.log.entries[0]!.request;
    expect(request.postData.mimeType).toBe('application/json');
    expect(request.headers).toEqual([{ name: 'X-Trace', value: '1' }]);

    const again = await engine.handlers['captures.importHar'](
      { har: JSON.stringify(exported), duplicates: true },
      meta,
    );
    expect(again.imported).toBe(1);
    const [summary] = (await engine.handlers['captures.list']({ limit: 1 }, meta)).items;
    expect(summary!.id).not.toBe(id);
    expect(summary!.contentType).toBe('application/json');
  });
});
