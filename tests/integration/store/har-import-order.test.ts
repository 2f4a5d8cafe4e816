import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureDetail, Endpoint } from '../../../electron/shared/contract/index';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { silentLogger } from '../../../electron/engine/util/logger';
import { rawExchange } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';
import { FakeProvider, flush } from '../../unit/tunnel/fake-provider';

type EndpointRule = Endpoint['rule'];

let engine: Engine | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
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

  it('importing the same file twice leaves out what the first import brought in, and says so', async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const har = JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [entry('/a', '2026-11-20T10:00:01.000Z'), entry('/b', '2026-11-20T10:00:02.000Z')],
      },
    });
    expect((await engine.handlers['captures.importHar']({ har }, meta)).imported).toBe(2);
    const again = await engine.handlers['captures.importHar']({ har }, meta);
    expect([again.imported, again.duplicates]).toEqual([0, 2]);
    expect((await engine.handlers['captures.list']({ limit: 10 }, meta)).items).toHaveLength(2);
    const anyway = await engine.handlers['captures.importHar']({ har, duplicates: true }, meta);
    expect([anyway.imported, anyway.duplicates]).toEqual([2, 0]);
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

  it("a response's statusText is the reason phrase the receiver sent, not blank", async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const port = Number(new URL(engine.receiverUrl).port);
    const sent = await rawExchange(
      port,
      'POST /reason HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
    expect(sent).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const exported = await engine.handlers['captures.export'](
      { format: 'har', redact: false, limit: 100 },
      meta,
    );
    const har = JSON.parse(exported.content) as {
      log: { entries: Array<{ response: { status: number; statusText: string } }> };
    };
    expect(har.log.entries[0]!.response).toMatchObject({ status: 200, statusText: 'OK' });
  });
});

const ortto = readFileSync(
  join(import.meta.dirname, '../../unit/decode/fixtures/ortto-activity-webhook-subscribed-to-email.json'),
);

let seq = 0;
/** One raw HTTP/1.1 request as bytes; `X-Seq` tells the captures apart whatever the import makes of their paths. */
const rawRequest = (method: string, target: string, headers: string[], body: Buffer = Buffer.alloc(0)) =>
  Buffer.concat([
    Buffer.from(
      `${method} ${target} HTTP/1.1\r\nHost: hooks.test\r\nX-Seq: ${++seq}\r\n${headers.map((h) => `${h}\r\n`).join('')}` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      'latin1',
    ),
    body,
  ]);

/** What a round trip must keep (the id, endpoint, source and remote port are the import's own). */
const kept = (c: CaptureDetail) => ({
  receivedAtMs: c.receivedAtMs,
  method: c.method,
  path: c.path,
  query: c.query,
  httpVersion: c.httpVersion,
  headers: c.headers,
  trailers: c.trailers,
  remoteAddress: c.remoteAddress,
  remotePort: c.remotePort,
  contentType: c.contentType,
  contentEncoding: c.contentEncoding,
  bodyBase64: c.bodyBase64,
  bodySizeBytes: c.bodySizeBytes,
  truncated: c.truncated,
  vendor: c.vendor,
  eventLabel: c.eventLabel,
});

describe('HAR export → import round trip of received captures', () => {
  it('gives back the same captures: raw paths, truncation, size, remote address, no made-up content type, vendor', async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const port = engine.ctx.receiverPort();
    const requests = [
      // Targets the WHATWG URL parser would rewrite (dot segments, %2e%2e, backslash) or cut (`#`).
      rawRequest(
        'POST',
        '/a/./b/../c?x=1&y=%2e%2e&z=a/../b',
        ['Content-Type: text/plain'],
        Buffer.from('dots'),
      ),
      rawRequest('GET', '/h/demo/%2e%2e/secret/./x', []),
      rawRequest('PUT', '/a\\b?q=\\', ['Content-Type: text/plain'], Buffer.from('slash')),
      rawRequest('POST', '/p#frag?after=1', ['Content-Type: text/plain'], Buffer.from('hash')),
      // No Content-Type: the export's postData says application/octet-stream; the capture has none.
      rawRequest('POST', '/no-type', [], Buffer.from('{"a":1}')),
      // Repeated Content-Encoding fields (Node joins them for the receiver).
      rawRequest(
        'POST',
        '/codings',
        ['Content-Encoding: identity', 'Content-Encoding: identity'],
        Buffer.from('x'),
      ),
      rawRequest('POST', '/ortto', ['Content-Type: application/json'], ortto),
      // Targets that are not a path: asterisk-form and absolute-form.
      rawRequest('OPTIONS', '*', []),
      rawRequest('GET', 'http://example.com/abs?q=1', []),
    ];
    // A chunked body with a trailer field (kept beside the HAR entry).
    requests.push(
      Buffer.from(
        'POST /trailer HTTP/1.1\r\nHost: hooks.test\r\nX-Seq: trailer\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
          '2\r\nhi\r\n0\r\nX-Checksum: abc\r\n\r\n',
        'latin1',
      ),
    );
    for (const request of requests) expect(await rawExchange(port, request)).toMatch(/^HTTP\/1\.1 200 /);
    // Over the body limit: 413 and a capture with the first bytes, marked truncated, with the size as received.
    await engine.handlers['settings.update']({ bodyLimitBytes: 1024 }, meta);
    const big = Buffer.alloc(8 * 1024, 'b');
    expect(
      await rawExchange(port, rawRequest('POST', '/too-big', ['Content-Type: text/plain'], big)),
    ).toMatch(/^HTTP\/1\.1 413 /);

    const originals = (await engine.handlers['captures.list']({ limit: 100 }, meta)).items;
    expect(originals).toHaveLength(requests.length + 1);
    const exported = await engine.handlers['captures.export'](
      { format: 'har', ids: originals.map((c) => c.id), redact: false, limit: 100 },
      meta,
    );
    const result = await engine.handlers['captures.importHar']({ har: exported.content }, meta);
    expect([result.imported, result.errors]).toEqual([originals.length, []]);
    const imported = (
      await engine.handlers['captures.list']({ filter: { source: 'imported' }, limit: 100 }, meta)
    ).items;
    expect(imported).toHaveLength(originals.length);

    const detail = async (id: number) => engine!.handlers['captures.get']({ id }, meta);
    const before = await Promise.all(originals.map((c) => detail(c.id)));
    const after = await Promise.all(imported.map((c) => detail(c.id)));
    const byPath = (path: string) => before.find((c) => c.path === path)!;
    // The originals are what was sent (checks the test, not the import).
    expect(before.map((c) => [c.path, c.query])).toEqual(
      expect.arrayContaining([
        ['/a/./b/../c', 'x=1&y=%2e%2e&z=a/../b'],
        ['/h/demo/%2e%2e/secret/./x', ''],
        ['/a\\b', 'q=\\'],
        ['/p#frag', 'after=1'],
        ['*', ''],
        ['/abs', 'q=1'],
      ]),
    );
    expect(byPath('/no-type').contentType).toBeNull();
    expect(byPath('/trailer').trailers).toEqual([['X-Checksum', 'abc']]);
    expect(byPath('/codings').contentEncoding).toBe('identity, identity');
    expect([byPath('/ortto').vendor, byPath('/ortto').eventLabel]).toEqual(['Ortto', 'Subscribed to email']);
    const truncated = byPath('/too-big');
    expect(truncated.truncated).toBe(true);
    expect(truncated.bodySizeBytes).toBeGreaterThan(Buffer.from(truncated.bodyBase64, 'base64').length);
    expect(truncated.remoteAddress).toBe('127.0.0.1');

    // Matched by X-Seq: requests received in the same millisecond may list in either order.
    const seqOf = (c: CaptureDetail) => c.headers.find(([n]) => n === 'X-Seq')?.[1];
    for (const original of before) {
      const back = after.find((c) => seqOf(c) === seqOf(original));
      expect.soft(kept(back!)).toEqual(kept(original));
      expect(back!.source).toBe('imported');
    }
  });

  /** Sends one request to a new endpoint with `rule`, exports it as HAR, imports that, and returns the imported copy. */
  async function importedCopyOfOneAnswer(rule: EndpointRule): Promise<CaptureDetail> {
    dir = tempDir();
    const e = (engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger }));
    await e.handlers['endpoints.create']({ slug: 'rule', name: 'Rule', rule }, meta);
    const { send } = await import('../../helpers/raw-http');
    await send(`${e.receiverUrl}/h/rule/x`, { method: 'POST', body: 'x' });
    const exported = await e.handlers['captures.export']({ format: 'har', redact: false, limit: 100 }, meta);
    await e.handlers['captures.importHar']({ har: exported.content }, meta);
    const [c] = (await e.handlers['captures.list']({ filter: { source: 'imported' }, limit: 1 }, meta)).items;
    return e.handlers['captures.get']({ id: c!.id }, meta);
  }

  it("keeps the endpoint's response delay (written as timings.wait)", async () => {
    const back = await importedCopyOfOneAnswer({
      status: 200,
      headers: [],
      body: 'ok',
      delayMs: 700,
      behaviour: { kind: 'fixed' },
    });
    expect(back.response).toMatchObject({ status: 200, delayMs: 700 });
  });

  it("keeps the response's reason (why the rule answered as it did)", async () => {
    const back = await importedCopyOfOneAnswer({
      status: 200,
      headers: [],
      body: 'ok',
      delayMs: 0,
      behaviour: { kind: 'fail-first', count: 2, failStatus: 503 },
    });
    expect(back.response).toMatchObject({
      status: 503,
      reason: expect.stringContaining('fail-first: request 1 of 2 failed on purpose'),
    });
  });

  it("an imported capture keeps its original URL when its Host is this run's tunnel", async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const provider = new FakeProvider();
    const tunnel = createTunnelModule(engine.ctx, { provider });
    cleanups.push(() => tunnel.close?.());
    tunnel.startTunnel({ host: 'http://127.0.0.1:9' });
    provider.last().resolve('http://abcd.lt.test');
    await flush();
    expect(tunnel.publicUrls()).toEqual(['http://abcd.lt.test']);
    // An export of a capture that came through the same subdomain in an earlier run, from a browser-like sender: the
    // import is annotated (vendor), but the tunnel annotator must neither relabel it nor raise the reminder-page notice.
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'Hookscope', version: '1' },
        entries: [
          {
            ...entry('/ortto', '2026-11-20T10:00:00.000Z'),
            request: {
              method: 'POST',
              url: 'https://abcd.lt.test/ortto',
              headers: [
                { name: 'Host', value: 'abcd.lt.test' },
                { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0' },
                { name: 'Content-Type', value: 'application/json' },
              ],
              postData: { mimeType: 'application/json', text: ortto.toString('utf8') },
              bodySize: ortto.length,
            },
            _hookscope: { remoteAddress: '127.0.0.1', truncated: false, source: 'tunnel' },
          },
        ],
      },
    };
    await engine.handlers['captures.importHar']({ har: JSON.stringify(har) }, meta);
    const [c] = (await engine.handlers['captures.list']({ limit: 1 }, meta)).items;
    const back = await engine.handlers['captures.get']({ id: c!.id }, meta);
    expect([back.source, back.publicUrl, back.vendor]).toEqual(['imported', 'https://abcd.lt.test', 'Ortto']);
    expect(tunnel.state().reminderNotice).toBeNull();
  });
});
