import { request } from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(async () => app.close());

/** A request with full control over Host/Origin (fetch would refuse to forge them). */
function rpc(
  url: string,
  headers: Record<string, string>,
  body = JSON.stringify({ method: 'app.info', input: {} }),
  path = '/api/rpc',
) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        `${url}${path}`,
        { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('control API protection', () => {
  it('answers a correct token from loopback', async () => {
    const res = await rpc(app.apiUrl, { authorization: `Bearer ${app.token}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Hookscope' } });
  });

  it('refuses a missing or wrong token', async () => {
    expect((await rpc(app.apiUrl, {})).status).toBe(401);
    expect((await rpc(app.apiUrl, { authorization: `Bearer ${app.token}x` })).status).toBe(401);
    expect((await rpc(app.apiUrl, { authorization: 'Basic abc' })).status).toBe(401);
  });

  it('refuses a foreign Host even with the right token (DNS rebinding)', async () => {
    const res = await rpc(app.apiUrl, {
      authorization: `Bearer ${app.token}`,
      host: `evil.example:${new URL(app.apiUrl).port}`,
    });
    expect(res.status).toBe(403);
    expect(res.body).toContain('not allowed');
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const res = await rpc(app.apiUrl, {
      authorization: `Bearer ${app.token}`,
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect((await rpc(app.apiUrl, { authorization: `Bearer ${app.token}`, origin: 'null' })).status).toBe(
      403,
    );
    expect((await rpc(app.apiUrl, { authorization: `Bearer ${app.token}`, origin: app.apiUrl })).status).toBe(
      200,
    );
  });

  it('sends no CORS headers at all', async () => {
    const res = await rpc(app.apiUrl, { authorization: `Bearer ${app.token}`, origin: app.apiUrl });
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('guards the event socket with the same token, Host and Origin checks', async () => {
    const ws = (url: string, headers: Record<string, string> = {}) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url, { headers });
        socket.on('open', () => {
          socket.close();
          resolve('open');
        });
        socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        socket.on('error', () => resolve('error'));
      });
    const base = app.apiUrl.replace('http', 'ws');
    expect(await ws(`${base}/api/events?token=${app.token}`)).toBe('open');
    expect(await ws(`${base}/api/events`)).toBe('401');
    expect(await ws(`${base}/api/events?token=wrong`)).toBe('401');
    expect(await ws(`${base}/api/events?token=${app.token}`, { origin: 'https://evil.example' })).toBe('403');
  });

  it('guards the body route with the same token, Host and Origin checks', async () => {
    const sent = await fetch(`${app.receiverUrl}/guarded-body`, { method: 'POST', body: 'secret bytes' });
    const input = JSON.stringify({ id: Number(sent.headers.get('x-hookscope-capture-id')) });
    const body = (headers: Record<string, string>) => rpc(app.apiUrl, headers, input, '/api/body');
    const auth = { authorization: `Bearer ${app.token}` };
    const ok = await body(auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('secret bytes');
    expect(ok.headers['content-type']).toBe('application/octet-stream');
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect((await body({})).status).toBe(401);
    expect((await body({ authorization: `Bearer ${app.token}x` })).status).toBe(401);
    expect((await body({ ...auth, host: `evil.example:${new URL(app.apiUrl).port}` })).status).toBe(403);
    expect((await body({ ...auth, origin: 'https://evil.example' })).status).toBe(403);
    for (const res of [await body({ ...auth, origin: 'https://evil.example' }), await body({})])
      expect(res.body).not.toContain('secret');
  });

  it('binds the control server to loopback only', () => {
    expect(new URL(app.apiUrl).hostname).toBe('127.0.0.1');
  });

  it('never serves the API on the receiver port: /api/rpc there is just a capture', async () => {
    const res = await rpc(app.receiverUrl, { authorization: `Bearer ${app.token}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    const id = Number(res.headers['x-hookscope-capture-id']);
    const capture = await app.rpc<{ path: string }>('captures.get', { id });
    expect(capture.ok && capture.value.path).toBe('/api/rpc');
  });
});
