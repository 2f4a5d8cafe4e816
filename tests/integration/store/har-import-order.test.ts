import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await engine?.close();
  dir?.cleanup();
  engine = dir = undefined;
});

const meta = { transport: 'in-process' } as const;

const entry = (path: string, at: string) => ({
  startedDateTime: at,
  request: { method: 'POST', url: `http://example.com${path}`, headers: [], queryString: [] },
  response: { status: 200, headers: [], content: { size: 0, mimeType: 'text/plain' } },
});

describe('HAR import', () => {
  it('lists imported captures in the order they were received, whatever order the file has', async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    // Newest first, as Hookscope's own export writes them.
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          entry('/third', '2026-11-20T10:00:03.000Z'),
          entry('/first', '2026-11-20T10:00:01.000Z'),
          entry('/second', '2026-11-20T10:00:02.000Z'),
        ],
      },
    };
    const result = await engine.handlers['captures.importHar']({ har: JSON.stringify(har) }, meta);
    expect(result.imported).toBe(3);
    const list = await engine.handlers['captures.list']({ limit: 10 }, meta);
    expect(list.items.map((c) => c.path)).toEqual(['/third', '/second', '/first']);
  });

  it('a bodiless request goes out without postData and comes back with no content type', async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const { send } = await import('../../helpers/raw-http');
    await send(`${engine.receiverUrl}/gone/1`, { method: 'DELETE' });
    const exported = await engine.handlers['captures.export'](
      { format: 'har', redact: false, limit: 100 },
      meta,
    );
    const har = JSON.parse(exported.content) as {
      log: { entries: Array<{ request: { postData?: unknown } }> };
    };
    expect(har.log.entries[0]!.request.postData).toBeUndefined();
    await engine.handlers['captures.importHar']({ har: exported.content }, meta);
    const imported = (await engine.handlers['captures.list']({ limit: 1 }, meta)).items[0]!;
    expect([imported.method, imported.contentType]).toEqual(['DELETE', null]);
    // A HAR from another tool with an empty postData and a MIME type: still no content type.
    const other = {
      log: {
        version: '1.2',
        creator: { name: 't', version: '1' },
        entries: [
          {
            ...entry('/other', '2026-11-20T10:00:00.000Z'),
            request: {
              ...entry('/other', '').request,
              method: 'DELETE',
              postData: { mimeType: 'application/octet-stream', text: '' },
            },
          },
        ],
      },
    };
    await engine.handlers['captures.importHar']({ har: JSON.stringify(other) }, meta);
    const otherCapture = (await engine.handlers['captures.list']({ limit: 5 }, meta)).items.find(
      (c) => c.path === '/other',
    )!;
    expect(otherCapture.contentType).toBeNull();
  });
});
