import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { startHttpTransport } from '../../../electron/engine/transport/http-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { startApp, type TestApp } from '../../helpers/app-server';
import { tempDir } from '../../helpers/temp-dir';

// Bodies of quotes double when written as JSON and double again in the HTTP answer: the shape that crashed the server.
const quotes = '"'.repeat(20_000);

describe('an export past its size budget', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ serveUi: false, exportMaxChars: 60_000 });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${app.receiverUrl}/big`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: quotes,
      });
      await res.arrayBuffer();
    }
  });
  afterAll(() => app.close());

  it.each(['har', 'json', 'jsonl', 'curl'])('%s: payload_too_large saying what to do', async (format) => {
    const r = await app.rpc('captures.export', { format, redact: false });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'payload_too_large',
        message: 'the export is too large for one response: narrow the filter or export fewer captures',
        details: { maxChars: 60_000 },
      },
    });
  });

  it('still exports what fits, and the server keeps answering', async () => {
    const r = await app.rpc<{ count: number; content: string }>('captures.export', {
      format: 'jsonl',
      limit: 1,
    });
    expect(r.ok ? r.value.count : r.error).toBe(1);
    expect((await app.rpc('app.stats')).ok).toBe(true);
  });
});

describe('an answer that cannot be serialised', () => {
  let engine: Engine;
  const dir = tempDir();
  beforeAll(async () => {
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  });
  afterAll(async () => {
    await engine.close();
    dir.cleanup();
  });

  it('is refused with a clear error and the server survives it', async () => {
    // What JSON.stringify throws past V8's longest string, without building one.
    const tooLong = {
      toJSON() {
        throw new RangeError('Invalid string length');
      },
    };
    const http = await startHttpTransport({
      engine: { bus: engine.bus, handlers: { ...engine.handlers, 'app.info': () => tooLong as never } },
      port: 0,
      staticDir: null,
    });
    try {
      const call = (method: string) =>
        fetch(`${http.url}/api/rpc`, {
          method: 'POST',
          headers: { authorization: `Bearer ${http.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ method, input: {} }),
        });
      const res = await call('app.info');
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({
        ok: false,
        error: {
          code: 'payload_too_large',
          message: 'the export is too large for one response: narrow the filter or export fewer captures',
        },
      });
      const after = await call('app.stats');
      expect(after.status).toBe(200);
      expect(((await after.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      await http.close();
    }
  });
});
