import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app-server';
import { expectContinue } from '../../helpers/expect-continue';
import { keyedEndpoint, useProtectedApp } from '../../helpers/protected-app';

// A capture refused before 100 Continue never had its body sent: its signature verdict says so, on arrival and on a
// recheck, rather than blaming the size limit or a sender that broke off.

const protectedApp = useProtectedApp();
let app: TestApp | null = null;

const portOf = (target: TestApp) => Number(new URL(target.receiverUrl).port);

async function sentToSignedEndpoint(framing: string, key = 'wrong', body = 'x'.repeat(5000)) {
  app = await protectedApp();
  keyedEndpoint(app, 'signed', 'Signed', {
    verify: { scheme: 'github', secret: 's', toleranceSeconds: 300 },
  });
  const exchange = await expectContinue(
    portOf(app),
    `POST /h/signed HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n${framing}\r\nConnection: close\r\nX-Key: ${key}\r\n\r\n`,
    body,
  );
  expect(exchange.first).toMatch(key === 'wrong' ? /^HTTP\/1\.1 401 / : /^HTTP\/1\.1 100 /);
  app.engine.ctx.captures.flush();
  const [summary] = app.engine.ctx.captures.list({ limit: 10 }).items;
  return app.engine.ctx.captures.get(summary!.id);
}

describe('signature verification of a capture refused before 100 Continue', () => {
  for (const framing of ['Content-Length: 5000', 'Transfer-Encoding: chunked'])
    it(`says the body was never sent (${framing.split(':')[0]})`, async () => {
      const capture = await sentToSignedEndpoint(framing);
      expect(capture.bodyNotSent).toBe(true);
      expect(capture.verification).toMatchObject({
        scheme: 'github',
        ok: false,
        reason: 'body never sent (refused before 100 Continue): cannot verify',
      });
      const rechecked = await app!.rpc<{ reason: string }>('signing.recheck', { id: capture.id });
      expect(rechecked).toMatchObject({
        ok: true,
        value: { reason: 'body never sent (refused before 100 Continue): cannot verify' },
      });
    });

  it('a deleted and restored capture still says its body was never sent', async () => {
    const capture = await sentToSignedEndpoint('Content-Length: 5000');
    expect(await app!.rpc('captures.delete', { ids: [capture.id] })).toMatchObject({ ok: true });
    expect(await app!.rpc('captures.restore', { ids: [capture.id] })).toMatchObject({ ok: true });
    app!.engine.ctx.captures.flush();
    expect(app!.engine.ctx.captures.get(capture.id).bodyNotSent).toBe(true);
  });

  it('a capture whose body was sent is not marked', async () => {
    const capture = await sentToSignedEndpoint('Content-Length: 5', 'right', 'hello');
    expect(capture.bodyNotSent).toBeUndefined();
    expect(capture.verification?.reason).not.toMatch(/never sent/);
  });
});
