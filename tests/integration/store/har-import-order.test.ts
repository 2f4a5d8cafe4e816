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
});
