import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { inProcessCall } from '../../helpers/in-process-call';
import { tempDir } from '../../helpers/temp-dir';

// A capture missing part of its body cannot be verified; its verdict says which way the body was cut short.
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
const call = inProcessCall(() => engine);

const secret = 'demo_secret_do_not_use';
const body = '{"zen":"Keep it logically awesome.","hook_id":123}';
const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await call('endpoints.create', {
    slug: 'gh',
    name: 'GitHub',
    verify: { scheme: 'github', secret, toleranceSeconds: 300 },
  });
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});

async function verdictOf(path: string) {
  for (let i = 0; i < 200; i++) {
    const listed = (await call('captures.list', { limit: 20 })).items.find((c) => c.path === path);
    const capture = listed && (await call('captures.get', { id: listed.id }));
    if (capture?.verification) return capture.verification;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no verdict for ${path}`);
}

describe('the verdict of a capture whose body is incomplete', () => {
  it('says the request broke off, not that a size limit cut it, when the sender went away mid-body', async () => {
    const socket = connect(Number(new URL(engine.receiverUrl).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const head = `POST /h/gh/broke-off HTTP/1.1\r\nHost: x\r\nX-Hub-Signature-256: ${signature}\r\nContent-Length: ${body.length}\r\n\r\n`;
    socket.write(head + body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();

    expect(await verdictOf('/h/gh/broke-off')).toEqual({
      scheme: 'github',
      ok: false,
      reason: 'body incomplete: the request broke off after 10 bytes: cannot verify',
    });
  });

  it('says the size limit cut it when the body was over the limit', async () => {
    await call('settings.update', { bodyLimitBytes: 1024 });
    try {
      const big = `{"pad":"${'x'.repeat(4096)}"}`;
      const res = await fetch(`${engine.receiverUrl}/h/gh/too-big`, {
        method: 'POST',
        headers: { 'x-hub-signature-256': signature },
        body: big,
      }).catch(() => null);
      await res?.arrayBuffer().catch(() => undefined);
      expect(await verdictOf('/h/gh/too-big')).toEqual({
        scheme: 'github',
        ok: false,
        reason: 'body truncated at the size limit: cannot verify',
      });
    } finally {
      await call('settings.update', { bodyLimitBytes: 25 * 1024 * 1024 });
    }
  });
});
