import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;

// A hand-made HAR may list a request's cookies in request.cookies alone, with no Cookie header (browsers always write
// both): the import builds the header from them, or the capture and every replay of it go without the cookies.
describe('an imported request whose cookies are listed only in request.cookies', () => {
  const test = useTestEngine();

  async function importRequest(path: string, request: Record<string, unknown>) {
    const har = JSON.stringify({
      log: {
        entries: [
          {
            startedDateTime: '2026-11-20T10:00:00.000Z',
            request: { method: 'GET', url: `https://hooks.example.com${path}`, headers: [], ...request },
          },
        ],
      },
    });
    const result = await test.engine.handlers['captures.importHar']({ har, duplicates: true }, meta);
    expect(result.imported).toBe(1);
    const { items } = await test.engine.handlers['captures.list']({ limit: 100 }, meta);
    const id = items.find((c) => c.path === path)!.id;
    return { capture: await test.engine.handlers['captures.get']({ id }, meta), warnings: result.warnings };
  }

  it('gets a Cookie header built from them, in order', async () => {
    const { capture } = await importRequest('/cookies-only', {
      headers: [{ name: 'Accept', value: '*/*' }],
      cookies: [
        { name: 'sid', value: 'abc123' },
        { name: 'theme', value: 'dark' },
      ],
    });
    expect(capture.headers).toEqual([
      ['Accept', '*/*'],
      ['Cookie', 'sid=abc123; theme=dark'],
    ]);
  });

  it('keeps a Cookie header as given, adding nothing from the list', async () => {
    const { capture } = await importRequest('/cookie-header', {
      headers: [{ name: 'cookie', value: 'sid=abc123' }],
      cookies: [{ name: 'sid', value: 'abc123' }],
    });
    expect(capture.headers).toEqual([['cookie', 'sid=abc123']]);
  });

  it('imports the request and names the field when a listed cookie is not a name and value', async () => {
    const { capture, warnings } = await importRequest('/bad-cookie', {
      cookies: [{ name: 'sid', value: 'abc123' }, { name: 'broken' }],
    });
    expect(capture.headers).toEqual([['Cookie', 'sid=abc123']]);
    expect(warnings).toEqual([expect.stringContaining('entries[0].request.cookies[1]')]);
  });
});
