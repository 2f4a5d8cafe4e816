import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../electron/shared/contract/index';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine;
let dir: ReturnType<typeof tempDir>;
const call = async <T>(method: string, input: unknown) =>
  (await (engine.handlers as unknown as Record<string, (i: unknown, m: unknown) => unknown>)[method]!(input, {
    transport: 'in-process',
  })) as T;

beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});

const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/);
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,40}[\x21-\x7e])?$/);
const capture = fc.record({
  method: fc.oneof(
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND'),
    fc.stringMatching(/^[A-Z]{1,10}$/),
  ),
  path: fc.array(fc.stringMatching(/^[A-Za-z0-9_~-]{1,12}$/), { maxLength: 4 }).map((s) => `/${s.join('/')}`),
  query: fc.stringMatching(/^[A-Za-z0-9=&%+_.-]{0,40}$/),
  headers: fc.array(fc.tuple(token, headerValue), { maxLength: 8 }) as fc.Arbitrary<HeaderPair[]>,
  body: fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
    fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => Buffer.from(s)),
  ),
});

describe('export → import round trip (fuzzed, through the API)', () => {
  it('keeps method, path, raw query, headers (order, case, duplicates) and body bytes', async () => {
    await fc.assert(
      fc.asyncProperty(capture, async (c) => {
        const id = await engine.ctx.captures.add(
          newCapture({
            method: c.method,
            path: c.path,
            query: c.query,
            headers: c.headers,
            contentType: null,
            body: c.body,
            response: {
              status: 201,
              headers: [['x-r', '1']],
              bodyBase64: Buffer.from('done').toString('base64'),
              delayMs: 0,
              reason: null,
            },
          }),
        );
        const exported = await call<{ content: string; count: number }>('captures.export', {
          format: 'har',
          ids: [id],
          redact: false,
        });
        expect(exported.count).toBe(1);
        // Every generated capture has the same arrival time: two alike are not the same file imported twice.
        const imported = await call<{ imported: number; errors: string[] }>('captures.importHar', {
          har: exported.content,
          duplicates: true,
        });
        expect(imported.errors).toEqual([]);
        expect(imported.imported).toBe(1);
        const [newest] = (await call<{ items: Array<{ id: number }> }>('captures.list', { limit: 1 })).items;
        const back = await call<{
          method: string;
          path: string;
          query: string;
          headers: HeaderPair[];
          bodyBase64: string;
          source: string;
        }>('captures.get', { id: newest!.id });
        expect(back.source).toBe('imported');
        expect(back.method).toBe(c.method);
        expect(back.path).toBe(c.path);
        expect(back.query).toBe(c.query);
        expect(back.headers).toEqual(c.headers);
        expect(Buffer.from(back.bodyBase64, 'base64').equals(c.body)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
