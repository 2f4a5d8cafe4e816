import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app-server';
import { useProtectedApp } from '../../helpers/protected-app';
import { rawExchange } from '../../helpers/raw-http';

// Receiver protection on the real receiver (port 0, SQLite in a temp dir): refusals are answered and still recorded.

const protectedApp = useProtectedApp();

const captures = (target: TestApp) => {
  target.engine.ctx.captures.flush();
  return target.engine.ctx.captures
    .list({ limit: 100 })
    .items.map((c) => target.engine.ctx.captures.get(c.id));
};

describe('receiver protection', () => {
  it('answers 429 past the per-IP limit and records the refused request with the reason', async () => {
    const target = await protectedApp();
    target.engine.ctx.endpoints.create({ slug: 'limited', name: 'Limited', rateLimitPerMinute: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${target.receiverUrl}/h/limited/${i}`, { method: 'POST', body: `n=${i}` });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429]);
    const refused = captures(target).find((c) => c.path === '/h/limited/2');
    expect(refused?.response?.status).toBe(429);
    expect(refused?.response?.reason).toMatch(/^429: rate limit: more than 2 requests per minute from /);
    expect(Buffer.from(refused!.bodyBase64, 'base64').toString()).toBe('n=2');
    // Other endpoints are not limited.
    const open = await fetch(`${target.receiverUrl}/free`, { method: 'POST', body: 'x' });
    expect(open.status).toBe(200);
  });

  it('refuses a wrong access_key with 401 while the right one gets the endpoint rule', async () => {
    const target = await protectedApp();
    target.engine.ctx.endpoints.create({
      slug: 'wp',
      name: 'WP Fusion',
      auth: { kind: 'query', name: 'access_key', value: 'abc' },
    });
    const good = await fetch(`${target.receiverUrl}/h/wp?access_key=abc`, { method: 'POST', body: 'ok' });
    const bad = await fetch(`${target.receiverUrl}/h/wp?access_key=abd`, { method: 'POST', body: 'no' });
    expect([good.status, bad.status]).toEqual([200, 401]);
    expect(await bad.json()).toEqual({
      error: 'unauthorized',
      reason: 'query parameter "access_key" has the wrong value',
    });
    const recorded = captures(target).filter((c) => c.path === '/h/wp');
    expect(recorded.map((c) => c.response?.status).sort()).toEqual([200, 401]);
  });

  it('takes a token with a `+` sent unencoded (read as a space by form decoding) or encoded, still refusing a wrong one', async () => {
    const target = await protectedApp();
    target.engine.ctx.endpoints.create({
      slug: 'plus',
      name: 'Plus',
      auth: { kind: 'query', name: 'token', value: 'a+b/c=' },
    });
    const status = async (query: string) => {
      const res = await fetch(`${target.receiverUrl}/h/plus?${query}`, { method: 'POST', body: 'x' });
      await res.arrayBuffer();
      return res.status;
    };
    expect(await status('token=a+b/c=')).toBe(200);
    expect(await status('token=a%2Bb%2Fc%3D')).toBe(200);
    expect(await status('token=a%20b/c=')).toBe(401);
    expect(await status('token=a+c/c=')).toBe(401);
  });

  it('takes a token last in the query when the client sent the #fragment along, still refusing a wrong one', async () => {
    const target = await protectedApp();
    target.engine.ctx.endpoints.create({
      slug: 'frag',
      name: 'Fragment',
      auth: { kind: 'query', name: 'access_key', value: 'abc' },
    });
    // fetch drops a fragment before sending; some clients do not, as the endpoint match already allows for.
    const status = async (requestTarget: string) => {
      const reply = await rawExchange(
        Number(new URL(target.receiverUrl).port),
        `GET ${requestTarget} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      return Number(reply.split(' ')[1]);
    };
    expect(await status('/h/frag?access_key=abc#section')).toBe(200);
    expect(await status('/h/frag?wpf_action=add&access_key=abc#')).toBe(200);
    expect(await status('/h/frag?access_key=abd#abc')).toBe(401);
    expect(await status('/h/frag?access_key=#abc')).toBe(401);
  });

  it('challenges every 401 (RFC 9110) with where the key goes, never the key itself', async () => {
    const target = await protectedApp();
    target.engine.ctx.endpoints.create({
      slug: 'by-header',
      name: 'By header',
      auth: { kind: 'header', name: 'X-Token', value: 'v3ry-s3cret' },
    });
    target.engine.ctx.endpoints.create({
      slug: 'by-query',
      name: 'By query',
      auth: { kind: 'query', name: 'clé "k"', value: 'v3ry-s3cret' },
    });
    const byHeader = await fetch(`${target.receiverUrl}/h/by-header`, { method: 'POST', body: 'x' });
    const byQuery = await fetch(`${target.receiverUrl}/h/by-query`, { method: 'POST', body: 'x' });
    await Promise.all([byHeader.arrayBuffer(), byQuery.arrayBuffer()]);
    expect([byHeader.status, byQuery.status]).toEqual([401, 401]);
    expect(byHeader.headers.get('www-authenticate')).toBe('ApiKey realm="hookscope", header="X-Token"');
    expect(byQuery.headers.get('www-authenticate')).toBe(
      'ApiKey realm="hookscope", query="cl%C3%A9 \\"k\\""',
    );
  });
});

describe('receiver protection and browser senders', () => {
  it('answers a CORS preflight to a protected endpoint (browsers send no credentials on it) and still checks the request it asks about', async () => {
    const target = await protectedApp();
    target.engine.ctx.endpoints.create({
      slug: 'keyed',
      name: 'Keyed',
      auth: { kind: 'header', name: 'X-Api-Key', value: 'k3y' },
    });
    const preflight = await fetch(`${target.receiverUrl}/h/keyed`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-api-key, content-type',
      },
    });
    await preflight.arrayBuffer();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-api-key, content-type');
    const withKey = await fetch(`${target.receiverUrl}/h/keyed`, {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'x-api-key': 'k3y' },
      body: 'ok',
    });
    const without = await fetch(`${target.receiverUrl}/h/keyed`, {
      method: 'POST',
      headers: { origin: 'http://localhost:3000' },
      body: 'no',
    });
    expect([withKey.status, without.status]).toEqual([200, 401]);
    await Promise.all([withKey.arrayBuffer(), without.arrayBuffer()]);
  });

  it('refuses an OPTIONS "preflight" that carries a body without the endpoint auth: no browser sends one', async () => {
    const target = await protectedApp();
    target.engine.ctx.endpoints.create({
      slug: 'keyed',
      name: 'Keyed',
      auth: { kind: 'header', name: 'X-Api-Key', value: 'k3y' },
    });
    const smuggled = await fetch(`${target.receiverUrl}/h/keyed`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
      body: '{"injected":true}',
    });
    await smuggled.arrayBuffer();
    expect(smuggled.status).toBe(401);
    const recorded = captures(target).find((c) => c.method === 'OPTIONS');
    expect(recorded?.response?.reason).toBe('401: required header "X-Api-Key" is missing');
  });
});
