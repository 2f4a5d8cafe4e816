import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { signRequest } from '../../../electron/engine/signing/sign';
import { silentLogger } from '../../../electron/engine/util/logger';
import type { EndpointVerify } from '../../../electron/shared/contract/endpoints';
import { inProcessCall } from '../../helpers/in-process-call';
import { tempDir } from '../../helpers/temp-dir';

// The real engine on port 0 with its own SQLite: a capture on an endpoint with a scheme carries the verdict.
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
const callSync = inProcessCall(() => engine);
/** Handlers may throw synchronously; make every call a promise. */
const call = async <M extends keyof Engine['handlers']>(m: M, input: Parameters<Engine['handlers'][M]>[0]) =>
  callSync(m, input);

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const verify: EndpointVerify = { scheme: 'standard-webhooks', secret, toleranceSeconds: 300 };

beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await call('endpoints.create', { slug: 'signed', name: 'Signed', verify });
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});

async function post(body: string, headers: [string, string][]) {
  const res = await fetch(`${engine.receiverUrl}/h/signed`, { method: 'POST', headers, body });
  await res.arrayBuffer();
  const id = Number(res.headers.get('x-hookscope-capture-id'));
  return call('captures.get', { id });
}

describe('incoming verification', () => {
  it('marks a correctly signed request as verified', async () => {
    const body = '{"type":"contact.created","data":{"id":8}}';
    const signed = signRequest(
      { scheme: 'standard-webhooks', secret },
      { body: new TextEncoder().encode(body), id: 'msg_ok' },
    );
    const capture = await post(body, [['Content-Type', 'application/json'], ...signed.headers]);
    expect(capture.verification).toEqual({
      scheme: 'standard-webhooks',
      ok: true,
      reason: 'valid v1 signature',
    });
  });

  it('says why a request fails: tampered body, stale timestamp, missing header', async () => {
    const body = '{"a":1}';
    const now = Math.floor(Date.now() / 1000);
    const signed = signRequest(
      { scheme: 'standard-webhooks', secret },
      { body: new TextEncoder().encode(body), timestampSec: now },
    );
    expect((await post('{"a":2}', signed.headers)).verification?.reason).toBe(
      'signature mismatch: bad secret, or the body changed in transit',
    );
    const stale = signRequest(
      { scheme: 'standard-webhooks', secret },
      { body: new TextEncoder().encode(body), timestampSec: now - 3600 },
    );
    expect((await post(body, stale.headers)).verification?.reason).toMatch(
      /^timestamp outside tolerance \(\d+s old, allowed ±300s\)$/,
    );
    expect((await post(body, [])).verification).toEqual({
      scheme: 'standard-webhooks',
      ok: false,
      reason: 'signature header missing (webhook-signature)',
    });
  });

  it("checks a stored capture again with the endpoint's current secret, as of when it arrived, and keeps the new verdict", async () => {
    const endpoint = await call('endpoints.create', { slug: 'rotated', name: 'Rotated', verify });
    const newSecret = 'whsec_C2VjcmV0LXJvdGF0ZWQtdG8tYS1uZXctb25lIQ==';
    const body = '{"rotated":true}';
    const signed = signRequest(
      { scheme: 'standard-webhooks', secret: newSecret },
      { body: new TextEncoder().encode(body) },
    );
    const res = await fetch(`${engine.receiverUrl}/h/rotated`, {
      method: 'POST',
      headers: signed.headers,
      body,
    });
    await res.arrayBuffer();
    const id = Number(res.headers.get('x-hookscope-capture-id'));
    expect((await call('captures.get', { id })).verification?.ok).toBe(false);

    await call('endpoints.update', {
      id: endpoint.id,
      verify: { ...verify, secret: newSecret, toleranceSeconds: 60 },
    });
    const rechecked = await call('signing.recheck', { id });
    expect(rechecked).toMatchObject({ scheme: 'standard-webhooks', ok: true, reason: 'valid v1 signature' });
    expect(rechecked.checkedAtMs).toBeGreaterThan(0);
    expect(rechecked.checkedWith).toBe('endpoint "Rotated", standard-webhooks, tolerance ±60s');
    expect(rechecked.checkedWith).not.toContain(newSecret);
    expect((await call('captures.get', { id })).verification).toEqual(rechecked);

    await expect(call('signing.recheck', { id: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('says a capture cannot be checked again because its endpoint was deleted, not that it verifies nothing', async () => {
    const endpoint = await call('endpoints.create', { slug: 'gone', name: 'Gone', verify });
    const res = await fetch(`${engine.receiverUrl}/h/gone`, { method: 'POST', body: '{}' });
    await res.arrayBuffer();
    const id = Number(res.headers.get('x-hookscope-capture-id'));
    expect((await call('captures.get', { id })).verification?.ok).toBe(false);

    await call('endpoints.delete', { id: endpoint.id });
    await expect(call('signing.recheck', { id })).rejects.toMatchObject({
      code: 'invalid_input',
      message: "This capture's endpoint has been deleted: nothing to verify it against.",
    });
  });

  it('names no timestamp tolerance in what a recheck used for a scheme that signs no timestamp', async () => {
    await call('endpoints.create', {
      slug: 'github-recheck',
      name: 'GitHub',
      verify: { scheme: 'github', secret: 's', toleranceSeconds: 60 },
    });
    const res = await fetch(`${engine.receiverUrl}/h/github-recheck`, { method: 'POST', body: '{}' });
    await res.arrayBuffer();
    const rechecked = await call('signing.recheck', {
      id: Number(res.headers.get('x-hookscope-capture-id')),
    });
    expect(rechecked.checkedWith).toBe('endpoint "GitHub", github');
  });

  it('leaves captures on endpoints without a scheme unverified', async () => {
    const res = await fetch(`${engine.receiverUrl}/plain`, { method: 'POST', body: 'x' });
    await res.arrayBuffer();
    const capture = await call('captures.get', { id: Number(res.headers.get('x-hookscope-capture-id')) });
    expect(capture.verification).toBeNull();
  });

  it("signing.preview given a replayed Svix capture's headers shows the svix-* copies signed as the queue sends them", async () => {
    const preview = await call('signing.preview', {
      config: { scheme: 'standard-webhooks', secret },
      bodyBase64: Buffer.from('{"test": 2432232314}').toString('base64'),
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestampSec: 1614265330,
      headers: [['Svix-Signature', '']],
    });
    const signature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
    expect(preview.headers).toContainEqual(['svix-id', 'msg_p5jXN8AQM9LWM0D4loKWxJek']);
    expect(preview.headers).toContainEqual(['svix-timestamp', '1614265330']);
    expect(preview.headers).toContainEqual(['svix-signature', signature]);
    expect(preview.headers).toContainEqual(['webhook-signature', signature]);
  });

  it('serves signing.preview, send.parseCurl and send.detectContentType', async () => {
    const preview = await call('signing.preview', {
      config: { scheme: 'stripe', secret: 'demo_secret_do_not_use' },
      bodyBase64: Buffer.from('{"id":"evt_123","type":"invoice.paid"}').toString('base64'),
      timestampSec: 1741944602,
    });
    expect(preview.headers).toEqual([
      [
        'Stripe-Signature',
        't=1741944602,v1=d58cde6b981fd3c1da624d6dad96a3bfd2d07a0f98d12be6701c2bdeb34ce634',
      ],
    ]);
    expect(preview.signedString).toBe('1741944602.{"id":"evt_123","type":"invoice.paid"}');
    expect(preview.id).toBeNull();
    await expect(call('send.parseCurl', { command: 'curl -F a=@b https://x.test' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await call('send.parseCurl', { command: "curl https://x.test -d 'a=1'" })).method).toBe('POST');
    expect(await call('send.detectContentType', { body: 'a=1&b=2', headers: [] })).toEqual({
      detected: 'application/x-www-form-urlencoded',
      effective: 'application/x-www-form-urlencoded',
      userSet: false,
    });
    await expect(
      call('signing.preview', {
        config: { scheme: 'standard-webhooks', secret: 'whsec_***' },
        bodyBase64: '',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^secret: /),
    });
  });
});

describe('an endpoint that refuses failed signatures', () => {
  const github: EndpointVerify = {
    scheme: 'github',
    secret: 'gh-hook-secret',
    toleranceSeconds: 300,
    onFailure: 'refuse-401',
  };

  async function deliver(slug: string, body: Buffer, headers: [string, string][]) {
    const res = await fetch(`${engine.receiverUrl}/h/${slug}`, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
    });
    const text = await res.text();
    const capture = await call('captures.get', { id: Number(res.headers.get('x-hookscope-capture-id')) });
    return { res, text, capture };
  }

  it('answers a good signature with the rule, and a bad or missing one with 401, capturing each byte-exact', async () => {
    const endpoint = await call('endpoints.create', {
      slug: 'strict',
      name: 'Strict',
      verify: github,
      rule: {
        status: 202,
        headers: [],
        body: 'queued',
        delayMs: 0,
        behaviour: { kind: 'fail-first', count: 1, failStatus: 503 },
      },
    });
    expect(endpoint.verify?.onFailure).toBe('refuse-401');
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d, 0x0d, 0x0a, 0xff, 0x00]);
    const signed = signRequest(github, { body }).headers;

    const bad = await deliver('strict', body, [['X-Hub-Signature-256', `sha256=${'0'.repeat(64)}`]]);
    expect(bad.res.status).toBe(401);
    expect(bad.res.headers.get('www-authenticate')).toBe('Signature realm="hookscope", scheme="github"');
    const mismatch = 'signature mismatch: bad secret, or the body changed in transit';
    expect(JSON.parse(bad.text)).toEqual({ error: 'invalid_signature', reason: mismatch });
    expect(Buffer.from(bad.capture.bodyBase64, 'base64').equals(body)).toBe(true);
    expect(bad.capture.verification).toEqual({ scheme: 'github', ok: false, reason: mismatch });
    expect(bad.capture.response).toMatchObject({ status: 401, reason: `401: signature failed: ${mismatch}` });

    const missing = await deliver('strict', body, []);
    expect(missing.res.status).toBe(401);
    expect(missing.capture.verification?.reason).toBe('signature header missing (X-Hub-Signature-256)');
    expect(missing.capture.response?.status).toBe(401);

    // The refusals used no step of the rule: the first signed delivery gets its fail-first 503, the next the 202.
    const first = await deliver('strict', body, signed);
    const second = await deliver('strict', body, signed);
    expect([first.res.status, second.res.status]).toEqual([503, 202]);
    expect(second.text).toBe('queued');
    expect(second.capture.verification).toEqual({
      scheme: 'github',
      ok: true,
      reason: 'valid sha256 signature',
    });
    expect(Buffer.from(second.capture.bodyBase64, 'base64').equals(body)).toBe(true);
  });

  it('answers a failed signature as usual by default', async () => {
    await call('endpoints.create', {
      slug: 'lenient',
      name: 'Lenient',
      verify: { ...github, onFailure: 'answer' },
    });
    const { res, capture } = await deliver('lenient', Buffer.from('{}'), []);
    expect(res.status).toBe(200);
    expect(capture.verification?.ok).toBe(false);
  });
});
