import { createHash, randomBytes } from 'node:crypto';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import type { DeliveryModule } from '../../../electron/engine/delivery/module';
import { ApiError } from '../../../electron/shared/contract/errors';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';
import { cueServer } from './helpers';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const meta = { transport: 'in-process' } as const;

let engine: Engine | undefined;
let delivery: DeliveryModule | undefined;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  await engine?.close();
  for (const fn of cleanup.splice(0)) await fn();
  engine = delivery = undefined;
});

async function start() {
  const dir = tempDir();
  cleanup.push(() => dir.cleanup());
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  // The engine's own delivery module, as the app runs it.
  delivery = engine.modules.delivery as DeliveryModule;
  return { engine, delivery };
}

/** Send raw bytes with raw headers to the receiver and wait until the capture is stored. */
function capture(e: Engine, path: string, headers: Array<[string, string]>, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const off = e.bus.on('capture.created', ({ items }) => {
      const hit = items.find((c) => c.path === new URL(path, e.receiverUrl).pathname);
      if (hit) {
        off();
        resolve(hit.id);
      }
    });
    const url = new URL(path, e.receiverUrl);
    request(url, { method: 'PUT', headers: headers.flat(), body })
      .then((res) =>
        res.statusCode === 200 ? res.body.dump() : reject(new Error(`receiver answered ${res.statusCode}`)),
      )
      .catch(reject);
  });
}

async function waitFor<T>(fn: () => T | undefined, tries = 500): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('waitFor: gave up');
}

describe('replay', () => {
  it('re-sends a capture byte-identical (sha256), same method, end-to-end headers only', async () => {
    const { engine: e, delivery: d } = await start();
    const target = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => target.close());
    const body = Buffer.concat([randomBytes(4096), Buffer.from('\r\n\u0000{"é":1}')]);
    const id = await capture(
      e,
      '/h/replay-me?x=1',
      [
        ['X-Custom', 'one'],
        ['x-custom', 'two'],
        ['Content-Type', 'application/octet-stream'],
        ['Connection', 'keep-alive'],
      ],
      body,
    );
    const summary = await d.handlers['deliveries.replay'](
      { captureId: id, url: `${target.url}/copy`, mode: 'exact', policy: 'none' },
      meta,
    );
    expect(summary.type).toBe('replay');
    const got = await waitFor(() => target.received[0]);
    expect(sha256(got.body)).toBe(sha256(body));
    expect(got.method).toBe('PUT');
    const raw = got.rawHeaders;
    const pairs = raw.flatMap((v, i): Array<[string, string]> => (i % 2 === 0 ? [[v, raw[i + 1]!]] : []));
    expect(pairs.filter(([n]) => n.toLowerCase() === 'x-custom').map(([, v]) => v)).toEqual(['one', 'two']);
    expect(got.headers['content-length']).toBe(String(body.length));
    expect(got.headers['x-hookscope-delivery']).toBe(summary.uid);
    expect(got.headers.host).toBe(new URL(target.url).host);
  });

  it('a capture that does not exist is refused naming captureId', async () => {
    const { delivery: d } = await start();
    await expect(
      d.handlers['deliveries.replay'](
        { captureId: 424242, url: 'http://127.0.0.1:9/x', mode: 'exact', policy: 'none' },
        meta,
      ),
    ).rejects.toMatchObject({ code: 'not_found', message: 'captureId: no capture 424242' });
  });

  it('loop guard: replaying onto our own receiver (or a registered public URL) is refused unless allowLoop', async () => {
    const { engine: e, delivery: d } = await start();
    const id = await capture(e, '/h/loop', [['Content-Type', 'text/plain']], Buffer.from('hi'));
    const port = new URL(e.receiverUrl).port;
    for (const url of [`${e.receiverUrl}/h/loop`, `http://localhost:${port}/x`]) {
      const call = d.handlers['deliveries.replay'](
        { captureId: id, url, mode: 'exact', policy: 'none' },
        meta,
      );
      await expect(call).rejects.toBeInstanceOf(ApiError);
      await expect(call).rejects.toMatchObject({ code: 'loop_detected' });
    }
    d.setPublicUrlProvider(() => ['https://hookscope-test.loca.lt']);
    await expect(
      Promise.resolve().then(() =>
        d.handlers['deliveries.send'](
          {
            request: {
              method: 'POST',
              url: 'https://hookscope-test.loca.lt/h/x',
              headers: [],
              bodyBase64: '',
            },
            type: 'manual',
            policy: 'none',
          },
          meta,
        ),
      ),
    ).rejects.toMatchObject({ code: 'loop_detected', message: expect.stringMatching(/tunnel/) });
    const before = (await e.handlers['captures.count']({}, meta)).count;
    const allowed = await d.handlers['deliveries.replay'](
      {
        captureId: id,
        url: `${e.receiverUrl}/h/loop-allowed`,
        mode: 'exact',
        policy: 'none',
        allowLoop: true,
      },
      meta,
    );
    await waitFor(() => (d.service.get(allowed.id).state === 'succeeded' ? true : undefined));
    const landed = e.ctx.captures.list({ limit: 5 }).items.find((c) => c.path === '/h/loop-allowed');
    expect(landed).toBeDefined();
    expect((await e.handlers['captures.count']({}, meta)).count).toBe(before + 1);
  });
});
