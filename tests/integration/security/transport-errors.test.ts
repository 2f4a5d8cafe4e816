import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';

let withUi: TestApp;
let noUi: TestApp;
beforeAll(async () => {
  withUi = await startApp();
  noUi = await startApp({ serveUi: false });
});
afterAll(async () => {
  await withUi.close();
  await noUi.close();
});

const request = async (app: TestApp, method: string, path: string, token = true) => {
  const res = await fetch(`${app.apiUrl}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${app.token}` } : {},
  });
  return { status: res.status, allow: res.headers.get('allow'), body: await res.json() };
};

describe('every transport error has the API error shape', () => {
  it.each([
    ['POST', '/'],
    ['DELETE', '/index.html'],
  ])('%s %s: 405 method_not_allowed, allowing GET and HEAD', async (method, path) => {
    expect(await request(withUi, method, path, false)).toEqual({
      status: 405,
      allow: 'GET, HEAD',
      body: {
        ok: false,
        error: { code: 'method_not_allowed', message: `${method} ${path}: only GET, HEAD is allowed here.` },
      },
    });
  });

  it('GET / without a UI: 404 not_found', async () => {
    const r = await request(noUi, 'GET', '/', false);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('No UI is served here') },
    });
  });

  it.each(['PUT', 'GET', 'DELETE'])('%s /api/rpc: 405 method_not_allowed, allowing POST', async (method) => {
    expect(await request(noUi, method, '/api/rpc')).toEqual({
      status: 405,
      allow: 'POST',
      body: {
        ok: false,
        error: { code: 'method_not_allowed', message: `${method} /api/rpc: only POST is allowed here.` },
      },
    });
  });

  it('POST /api/capabilities: 405 allowing GET; GET still lists the capabilities', async () => {
    const r = await request(noUi, 'POST', '/api/capabilities');
    expect([r.status, r.allow, r.body.error.code]).toEqual([405, 'GET', 'method_not_allowed']);
    expect(await request(noUi, 'GET', '/api/capabilities')).toEqual({
      status: 200,
      allow: null,
      body: { capabilities: ['browser'] },
    });
  });

  it('an unknown API route: 404 unknown_method', async () => {
    expect(await request(noUi, 'GET', '/api/nope')).toEqual({
      status: 404,
      allow: null,
      body: { ok: false, error: { code: 'unknown_method', message: 'No API route GET /api/nope.' } },
    });
  });
});
