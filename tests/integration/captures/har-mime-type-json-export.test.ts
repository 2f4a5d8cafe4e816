import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;

const entry = (path: string, headers: Array<{ name: string; value: string }>, mimeType: string) => ({
  startedDateTime: '2026-11-20T10:00:00.000Z',
  request: {
    method: 'POST',
    url: `https://hooks.example.com${path}`,
    headers,
    postData: { mimeType, text: '--b1\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b1--\r\n' },
  },
});

// JSON and JSONL exports write what is stored: the HAR's own type when it gave one, never the derived harContentType.
describe('JSON and JSONL exports of HAR-imported captures', () => {
  const test = useTestEngine();

  async function importOne(...args: Parameters<typeof entry>) {
    const har = JSON.stringify({ log: { entries: [entry(...args)] } });
    expect((await test.engine.handlers['captures.importHar']({ har, duplicates: true }, meta)).imported).toBe(
      1,
    );
    const [summary] = (await test.engine.handlers['captures.list']({ limit: 1 }, meta)).items;
    return summary!.id;
  }
  async function exported(id: number): Promise<Array<Record<string, unknown>>> {
    const run = (format: 'json' | 'jsonl') =>
      test.engine.handlers['captures.export']({ format, ids: [id], redact: false, limit: 1 }, meta);
    const json = JSON.parse((await run('json')).content) as Array<Record<string, unknown>>;
    const jsonl = (await run('jsonl')).content
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return [...json, ...jsonl];
  }

  it('carry the type postData gave as harMimeType, and no harContentType', async () => {
    const id = await importOne('/json-har-typed', [], 'multipart/form-data; boundary=b1');
    for (const item of await exported(id)) {
      expect(item.harMimeType).toBe('multipart/form-data; boundary=b1');
      expect(Object.keys(item)).not.toContain('harContentType');
    }
  });

  it('carry neither for a capture whose headers gave its type', async () => {
    const id = await importOne(
      '/json-header-typed',
      [{ name: 'Content-Type', value: 'multipart/form-data; boundary=b1' }],
      'multipart/form-data; boundary=b1',
    );
    for (const item of await exported(id)) {
      expect(Object.keys(item)).not.toContain('harMimeType');
      expect(Object.keys(item)).not.toContain('harContentType');
    }
  });
});
