import { createHash, randomBytes } from 'node:crypto';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { badInputHarness, portOf, socketExchange, type BadInputHarness } from './harness';

let h: BadInputHarness;
const rssBefore = process.memoryUsage().rss;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const idOf = (res: { headers: Record<string, unknown> }) => Number(res.headers['x-hookscope-capture-id']);

// 80 MB of one byte, compressed (the decode cap is 64 MB). Built before the engine starts: compressing takes seconds
// on a busy machine, and an idle keep-alive socket closed meanwhile would fail the next request for the wrong reason.
const bombs = new Map<string, Buffer>();

beforeAll(async () => {
  const plain = Buffer.alloc(80 * 1024 * 1024, 0x7b);
  bombs.set('gzip', gzipSync(plain));
  bombs.set('deflate', deflateSync(plain));
  bombs.set('br', brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }));
  bombs.set('gzip, gzip', gzipSync(gzipSync(plain)));
  h = await badInputHarness();
});
afterAll(async () => {
  await h.close();
});

/** Index everything stored so far, the way a search does, and return the stats. */
async function indexed() {
  h.engine.ctx.captures.indexer.drain();
  return h.call<{ indexLagRows: number; count: number }>('app.stats', {});
}

describe('hostile bodies and load', () => {
  it('1,000 concurrent connections are all answered and all recorded', async () => {
    const port = portOf(h.engine.receiverUrl);
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        socketExchange(
          port,
          `POST /concurrent/${i} HTTP/1.1\r\nHost: x\r\nContent-Length: ${String(i).length}\r\nConnection: close\r\n\r\n${i}`,
          {
            giveUpMs: 25_000,
          },
        ),
      ),
    );
    expect(results.filter((r) => /^HTTP\/1\.1 200/.test(r.text))).toHaveLength(1000);
    const stored = await h.captured('/concurrent/');
    expect(stored).toHaveLength(1000);
    expect(new Set(stored.map((c) => c.path)).size).toBe(1000);
    await h.expectServing();
  });

  it('invalid UTF-8 and invalid JSON are stored byte-exact, indexed without harm, and valid neighbours stay searchable', async () => {
    const bodies = [
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc]),
      Buffer.from('{"unterminated": "string'),
      Buffer.from('{"a":1}{"b":2}'),
      Buffer.concat([Buffer.from('{"nul":"'), Buffer.from([0]), Buffer.from('"}')]),
      Buffer.from('\ud800 lone surrogate as text'),
      randomBytes(4096),
    ];
    const ids: number[] = [];
    for (const body of bodies) {
      const res = await send(`${h.engine.receiverUrl}/hostile-text`, {
        method: 'POST',
        body,
        headers: [['Content-Type', 'application/json; charset=utf-8']],
      });
      expect(res.status).toBe(200);
      ids.push(idOf(res));
    }
    const marker = await send(`${h.engine.receiverUrl}/hostile-text`, {
      method: 'POST',
      body: '{"word":"zanzibarmarker"}',
    });
    expect((await indexed()).indexLagRows).toBe(0);
    for (const [i, id] of ids.entries()) expect(sha(await h.body(id))).toBe(sha(bodies[i]!));
    const found = await h.call<{ items: Array<{ id: number }> }>('captures.list', {
      filter: { text: 'zanzibarmarker' },
      limit: 5,
    });
    expect(found.items.map((c) => c.id)).toEqual([idOf(marker)]);
    await h.expectServing();
  });

  it('an over-limit chunked body (no Content-Length) gets 413 and a truncated capture of its first bytes', async () => {
    await h.call('settings.update', { bodyLimitBytes: 32 * 1024 });
    try {
      const parts = Array.from({ length: 40 }, (_, i) => Buffer.alloc(4096, 65 + (i % 26)));
      const res = await send(`${h.engine.receiverUrl}/over-limit-chunked`, {
        method: 'POST',
        chunked: parts,
      }).catch(() => ({ status: -1 }));
      expect([413, -1]).toContain(res.status); // the receiver may close before the client finishes writing
      await expect.poll(() => h.captured('/over-limit-chunked')).toHaveLength(1);
      const [capture] = await h.captured('/over-limit-chunked');
      expect(capture!.truncated).toBe(true);
      expect(capture!.responseStatus).toBe(413);
      const body = await h.body(capture!.id);
      expect(body.length).toBeLessThanOrEqual(32 * 1024);
      expect(body.equals(Buffer.concat(parts).subarray(0, body.length))).toBe(true);
    } finally {
      await h.call('settings.update', { bodyLimitBytes: 25 * 1024 * 1024 });
    }
    await h.expectServing();
  });

  it.each(['gzip', 'deflate', 'br', 'gzip, gzip'])(
    'a %s bomb is stored as sent, never expanded past the cap by receiver, indexer or decoder',
    async (encoding) => {
      const bomb = bombs.get(encoding)!;
      const before = process.memoryUsage().rss;
      const res = await send(`${h.engine.receiverUrl}/bomb`, {
        method: 'POST',
        body: bomb,
        headers: [
          ['Content-Encoding', encoding],
          ['Content-Type', 'application/json'],
        ],
      });
      expect(res.status).toBe(200);
      const id = idOf(res);
      expect((await h.body(id)).equals(bomb)).toBe(true);
      expect((await indexed()).indexLagRows).toBe(0);
      const detail = await h.call<{ decodedBodyBase64: string | null; decodeNote: string | null }>(
        'captures.get',
        { id },
      );
      expect(detail.decodedBodyBase64).toBeNull();
      expect(detail.decodeNote).toMatch(/exceed|bomb|could not/i);
      await h.call('decode.capture', { id }).catch((e: unknown) => e); // may refuse, must not blow up
      // 80 MB expanded even once would show here; the cap is 64 MB per decode and buffers are released.
      expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
      await h.expectServing();
    },
  );

  it.each([
    ['arrays', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['objects', (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)],
    ['unclosed arrays', (n: number) => '['.repeat(n)],
  ])('10,000-deep JSON (%s) is stored, indexed and decoded without a stack overflow', async (_kind, make) => {
    const body = Buffer.from(make(10_000));
    const res = await send(`${h.engine.receiverUrl}/deep-json`, {
      method: 'POST',
      body,
      headers: [['Content-Type', 'application/json']],
    });
    expect(res.status).toBe(200);
    const id = idOf(res);
    expect((await h.body(id)).equals(body)).toBe(true);
    expect((await indexed()).indexLagRows).toBe(0);
    const decoded = await h
      .call<{ warnings?: unknown[] }>('decode.capture', { id })
      .catch((e: Error) => ({ error: e.message }));
    expect(decoded).toBeTypeOf('object');
    await h.expectServing();
  });

  it('memory stays bounded across everything above', () => {
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });
});
