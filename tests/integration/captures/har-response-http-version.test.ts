import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;

// An imported response keeps the HTTP version its HAR gave it, and a HAR export writes it back, where every exported
// response said HTTP/1.1 (an HTTP/2 exchange from a browser's HAR included).
describe('an imported response’s HTTP version', () => {
  const test = useTestEngine();

  async function exportedResponseVersion(path: string, httpVersion?: string) {
    const har = JSON.stringify({
      log: {
        entries: [
          {
            startedDateTime: '2026-11-20T10:00:00.000Z',
            request: { method: 'GET', url: `https://hooks.example.com${path}`, httpVersion, headers: [] },
            response: {
              status: 200,
              httpVersion,
              headers: [],
              content: { mimeType: 'text/plain', text: 'ok' },
            },
          },
        ],
      },
    });
    const result = await test.engine.handlers['captures.importHar']({ har, duplicates: true }, meta);
    expect(result.imported).toBe(1);
    const { items } = await test.engine.handlers['captures.list']({ limit: 100 }, meta);
    const id = items.find((c) => c.path === path)!.id;
    const { content } = await test.engine.handlers['captures.export'](
      { format: 'har', ids: [id], redact: false, limit: 1 },
      meta,
    );
    return (JSON.parse(content) as { log: { entries: Array<{ response: { httpVersion: string } }> } }).log
      .entries[0]!.response.httpVersion;
  }

  it('exports an HTTP/2 response as HTTP/2.0, however the HAR spelled it', async () => {
    expect(await exportedResponseVersion('/h2', 'h2')).toBe('HTTP/2.0');
    expect(await exportedResponseVersion('/http2', 'HTTP/2')).toBe('HTTP/2.0');
  });

  it('exports HTTP/1.0 as given, and HTTP/1.1 when the HAR names none', async () => {
    expect(await exportedResponseVersion('/h10', 'HTTP/1.0')).toBe('HTTP/1.0');
    expect(await exportedResponseVersion('/none')).toBe('HTTP/1.1');
  });
});
