import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app-server';
import { expectContinue } from '../../helpers/expect-continue';
import { keyedEndpoint, useProtectedApp } from '../../helpers/protected-app';

// A request waiting for `100 Continue` that the receiver refuses from its head gets the refusal instead, so its body
// is never uploaded; one it accepts gets 100 Continue, then the endpoint's answer once the body is in.

const protectedApp = useProtectedApp();

const portOf = (target: TestApp) => Number(new URL(target.receiverUrl).port);

const head = (path: string, headers: string[] = [], length = 5) =>
  [
    `POST ${path} HTTP/1.1`,
    'Host: x',
    'Expect: 100-continue',
    `Content-Length: ${length}`,
    'Connection: close',
    ...headers,
    '',
    '',
  ].join('\r\n');

const captureAt = (target: TestApp, path: string) => {
  target.engine.ctx.captures.flush();
  const summary = target.engine.ctx.captures.list({ limit: 100 }).items.find((c) => c.path === path);
  return summary && target.engine.ctx.captures.get(summary.id);
};

describe('Expect: 100-continue and refusals decided from the head', () => {
  it('a request failing the endpoint auth gets its 401 instead of 100 Continue and is recorded without a body', async () => {
    const target = await protectedApp();
    keyedEndpoint(target, 'keyed', 'Keyed');
    const refused = await expectContinue(
      portOf(target),
      head('/h/keyed/no', ['X-Key: wrong'], 5000),
      'x'.repeat(5000),
    );
    expect(refused.first).toMatch(/^HTTP\/1\.1 401 /);
    expect(refused.bodySent).toBe(false);
    expect(refused.all).toMatch(/^connection: close$/im);
    const capture = captureAt(target, '/h/keyed/no')!;
    expect(capture.headers).toContainEqual(['X-Key', 'wrong']);
    expect(capture.bodyBase64).toBe('');
    expect([capture.truncated, capture.bodySizeBytes]).toEqual([true, 5000]);
    expect(capture.response?.status).toBe(401);
    expect(capture.response?.reason).toMatch(/^401: header "X-Key" has the wrong value.*body was never sent/);

    const accepted = await expectContinue(portOf(target), head('/h/keyed/yes', ['X-Key: right']), 'hello');
    expect(accepted.first).toBe('HTTP/1.1 100 Continue');
    expect(accepted.all).toMatch(/\r\n\r\nHTTP\/1\.1 200 /);
    const kept = captureAt(target, '/h/keyed/yes')!;
    expect(Buffer.from(kept.bodyBase64, 'base64').toString()).toBe('hello');
    expect(kept.truncated).toBe(false);
  });

  it('an OPTIONS with preflight headers but a declared body is no preflight: refused before 100 Continue too', async () => {
    const target = await protectedApp();
    keyedEndpoint(target, 'pre', 'Pre');
    const preflightHeaders = ['Origin: http://a.test', 'Access-Control-Request-Method: POST'];
    const refused = await expectContinue(
      portOf(target),
      head('/h/pre', preflightHeaders).replace(/^POST/, 'OPTIONS'),
      'hello',
    );
    expect(refused.first).toMatch(/^HTTP\/1\.1 401 /);
    expect(refused.bodySent).toBe(false);
  });

  it('the rate limit counts each request once and refuses the one over it before 100 Continue', async () => {
    const target = await protectedApp();
    target.engine.ctx.endpoints.create({ slug: 'limited', name: 'Limited', rateLimitPerMinute: 2 });
    const exchanges = [];
    for (let i = 0; i < 3; i++)
      exchanges.push(await expectContinue(portOf(target), head(`/h/limited/${i}`), `n=${i}..`));
    expect(exchanges.map((e) => e.first.slice(0, 12))).toEqual([
      'HTTP/1.1 100',
      'HTTP/1.1 100',
      'HTTP/1.1 429',
    ]);
    expect(exchanges.slice(0, 2).map((e) => /\r\n\r\nHTTP\/1\.1 (\d+) /.exec(e.all)?.[1])).toEqual([
      '200',
      '200',
    ]);
    expect(exchanges[2]!.bodySent).toBe(false);
    const refused = captureAt(target, '/h/limited/2')!;
    expect(refused.response?.status).toBe(429);
    expect([refused.bodyBase64, refused.truncated, refused.bodySizeBytes]).toEqual(['', true, 5]);
  });

  it('a request without Host is answered 400 instead of 100 Continue', async () => {
    const target = await protectedApp();
    const refused = await expectContinue(
      portOf(target),
      head('/no-host').replace('Host: x\r\n', ''),
      'hello',
    );
    expect(refused.first).toMatch(/^HTTP\/1\.1 400 /);
    expect(refused.bodySent).toBe(false);
  });

  it('the expectation is read in any case (RFC 9110 §10.1.1), for a chunked body too', async () => {
    const target = await protectedApp();
    keyedEndpoint(target, 'cased', 'Cased');
    const chunkedHead = (key: string) =>
      `POST /h/cased HTTP/1.1\r\nHost: x\r\nEXPECT: 100-Continue\r\nTransfer-Encoding: chunked\r\nConnection: close\r\nX-Key: ${key}\r\n\r\n`;
    const body = '5\r\nhello\r\n0\r\n\r\n';
    const refused = await expectContinue(portOf(target), chunkedHead('wrong'), body);
    expect(refused.first).toMatch(/^HTTP\/1\.1 401 /);
    expect(refused.bodySent).toBe(false);
    const accepted = await expectContinue(portOf(target), chunkedHead('right'), body);
    expect(accepted.first).toBe('HTTP/1.1 100 Continue');
    expect(accepted.all).toMatch(/\r\n\r\nHTTP\/1\.1 200 /);
  });
});
