import type { IncomingCapture, Interception } from '../context';

const loopback = /^(?:127\.|::1$|::ffff:127\.)/;

/**
 * The client IP a limit applies to. Requests through the tunnel arrive from the local tunnel client (loopback), so
 * there the X-Forwarded-For entry added by the tunnel server's proxy identifies the sender: the last one, because
 * proxies append and everything before it is whatever the client chose to send. Only read for loopback peers, and only
 * when a proxy is known to append it (`trusted`): a self-hosted localtunnel-server adds none, and a sender could then
 * pick a new "IP" for every request and never be limited.
 */
export function clientIp(request: IncomingCapture, trusted: boolean): string {
  if (trusted && loopback.test(request.remoteAddress)) {
    const forwarded = request.headers
      .filter(([name]) => name.toLowerCase() === 'x-forwarded-for')
      .at(-1)?.[1];
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return request.remoteAddress;
}

/** An empty bucket refills completely in a minute, whatever its limit: one idle that long is as good as new. */
const refillMs = 60_000;

/**
 * Token bucket per endpoint and IP: `limit` requests, refilled evenly over a minute. Buckets are kept in the order they
 * were last used, so the idle ones are at the front: each request drops those idle for a minute, then the least
 * recently used while over `maxBuckets`, touching only what it drops (a flood of new keys costs O(1) each).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(
    private readonly now: () => number,
    private readonly maxBuckets = 10_000,
  ) {}

  /** Take one token; returns ms until the next token when the bucket is empty, else null. */
  take(key: string, limitPerMinute: number): number | null {
    const now = this.now();
    const perMs = limitPerMinute / refillMs;
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(limitPerMinute, bucket.tokens + (now - bucket.atMs) * perMs)
      : limitPerMinute;
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens < 1 ? tokens : tokens - 1, atMs: now });
    this.prune(now);
    return tokens < 1 ? Math.ceil((1 - tokens) / perMs) : null;
  }

  size(): number {
    return this.buckets.size;
  }

  /** From the least recently used: drop while idle for a minute (forgetting those changes nothing) or over the bound. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.atMs < refillMs && this.buckets.size <= this.maxBuckets) break;
      this.buckets.delete(key);
    }
  }
}

export function createRateLimitInterceptor(
  limiter: RateLimiter,
  forwardedForTrusted: (request: IncomingCapture) => boolean,
) {
  return (
    request: IncomingCapture,
    endpoint: { id: number; rateLimitPerMinute: number },
  ): Interception | null => {
    if (endpoint.rateLimitPerMinute <= 0) return null;
    const ip = clientIp(request, forwardedForTrusted(request));
    const waitMs = limiter.take(`${endpoint.id} ${ip}`, endpoint.rateLimitPerMinute);
    if (waitMs === null) return null;
    const reason = `rate limit: more than ${endpoint.rateLimitPerMinute} requests per minute from ${ip}`;
    return {
      response: {
        status: 429,
        headers: [
          ['content-type', 'application/json'],
          ['retry-after', String(Math.max(1, Math.ceil(waitMs / 1000)))],
        ],
        body: JSON.stringify({ error: 'rate_limited', reason }),
      },
      record: true,
      reason: `429: ${reason}`,
    };
  };
}
