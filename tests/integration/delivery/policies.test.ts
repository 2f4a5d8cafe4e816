import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cueServer, deliveryHarness, type Cue } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type Harness = ReturnType<typeof deliveryHarness>;
type Server = Awaited<ReturnType<typeof cueServer>>;
let h: Harness | undefined;
let server: Server | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

async function deliver(cue: (n: number) => Cue, options: Record<string, unknown>) {
  server = await cueServer(cue);
  h = deliveryHarness();
  h.service.start();
  const summary = h.service.send({
    request: {
      method: 'POST',
      url: `${server.url}/hook`,
      headers: [['Content-Type', 'application/json']],
      bodyBase64: Buffer.from('{"a":1}').toString('base64'),
    },
    type: 'manual',
    policy: 'none',
    ...options,
  } as never);
  await h.drain(0);
  const detail = h.service.get(summary.id);
  const starts = detail.attemptList.map((a) => a.startedAtMs);
  return { detail, gaps: starts.slice(1).map((t, i) => t - starts[i]!), server };
}

describe('delivery policies against a real server, on a fake clock', () => {
  it('Ortto: 500 forever → 13 attempts with the exact waits, then failed; every attempt reached the server', async () => {
    const { detail, gaps } = await deliver(() => ({ status: 500 }), { policy: 'ortto' });
    expect(gaps).toEqual([5 * MIN, 15 * MIN, HOUR, 5 * HOUR, DAY, DAY, DAY, DAY, DAY, DAY, DAY, DAY]);
    expect(detail.attemptList).toHaveLength(13);
    expect(detail.state).toBe('failed');
    expect(server!.received).toHaveLength(13);
    expect(detail.attemptList.map((a) => a.outcome)).toEqual([...Array(12).fill('retry'), 'failed']);
  });

  it.each([400, 401, 403, 404, 405])('Ortto: %i is not retried', async (status) => {
    const { detail } = await deliver(() => ({ status }), { policy: 'ortto' });
    expect(detail.attemptList.map((a) => a.status)).toEqual([status]);
    expect(detail.state).toBe('failed');
    expect(detail.lastError).toMatch(/never retries/);
  });

  it('Ortto: 302 is success (redirect not followed); 503 then 200 succeeds on the second attempt', async () => {
    const first = await deliver(() => ({ status: 302, headers: { location: 'http://127.0.0.1:1/' } }), {
      policy: 'ortto',
    });
    expect(first.detail.state).toBe('succeeded');
    expect(first.server.received).toHaveLength(1);
    await h!.close();
    await server!.close();
    const second = await deliver((n) => ({ status: n === 0 ? 503 : 200 }), { policy: 'ortto' });
    expect(second.detail.attemptList.map((a) => a.status)).toEqual([503, 200]);
    expect(second.gaps).toEqual([5 * MIN]);
  });

  it('Standard Webhooks: the 8-attempt schedule; 302 is a failure; 410 disables', async () => {
    const { detail, gaps } = await deliver(() => ({ status: 302 }), { policy: 'standard' });
    expect(gaps).toEqual([5000, 5 * MIN, 30 * MIN, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]);
    expect(detail.state).toBe('failed');
    await h!.close();
    await server!.close();
    const gone = await deliver(() => ({ status: 410 }), { policy: 'standard' });
    expect(gone.detail.state).toBe('disabled');
    expect(gone.server.received).toHaveLength(1);
  });

  it('time-scale 0.001 turns Ortto 5 min into 300 ms', async () => {
    const { gaps } = await deliver((n) => ({ status: n < 3 ? 500 : 200 }), {
      policy: 'ortto',
      timeScale: 0.001,
    });
    expect(gaps).toEqual([300, 900, 3600]);
  });

  it('Retry-After is honoured; resets and stalls are network errors that get retried', async () => {
    const cues: Cue[] = [
      { status: 429, headers: { 'retry-after': '120' } },
      { reset: true },
      { stall: true },
      { status: 200 },
    ];
    const { detail, gaps } = await deliver((n) => cues[n] ?? { status: 200 }, {
      policy: 'custom',
      customWaitsMs: [1000, 2000, 3000],
      timeoutMs: 300,
    });
    expect(gaps).toEqual([120_000, 2000, 3000]);
    expect(detail.attemptList.map((a) => a.status)).toEqual([429, null, null, 200]);
    expect(detail.attemptList[1]!.error).toBeTruthy();
    expect(detail.attemptList[2]!.error).toMatch(/timed out after 300 ms/);
    expect(detail.state).toBe('succeeded');
  });

  it('Ontraport: its retry count and requests-per-minute; none: a single attempt', async () => {
    const { detail, gaps } = await deliver(() => ({ status: 500 }), {
      policy: 'ontraport',
      ontraport: { retries: 2, requestsPerMinute: 60 },
    });
    expect(detail.attemptList).toHaveLength(3);
    expect(gaps).toEqual([MIN, MIN]);
    await h!.close();
    await server!.close();
    const none = await deliver(() => ({ status: 500 }), { policy: 'none' });
    expect(none.detail.attemptList).toHaveLength(1);
    expect(none.detail.state).toBe('failed');
  });

  it('every attempt carries X-Hookscope-Delivery and the log has the bounded response data', async () => {
    const { detail } = await deliver(() => ({ status: 201, body: 'x'.repeat(100_000) }), {
      policy: 'none',
      name: 'big answer',
    });
    expect(server!.received[0]!.delivery).toBe(detail.uid);
    const attempt = detail.attemptList[0]!;
    expect(attempt.responseBodyBytes).toBe(100_000);
    expect(Buffer.from(attempt.responseBodyBase64, 'base64').length).toBe(16 * 1024);
    const log = h!.service.queue.store.log(undefined, null, 10).items;
    expect(log[0]).toMatchObject({
      responseCode: 201,
      attempt: 1,
      name: 'big answer',
      type: 'manual',
      request: `POST ${server!.url}/hook`,
    });
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)(
    'a %s-compressed answer is kept decoded, so the log shows and searches its text',
    async (coding, compress) => {
      const text = JSON.stringify({ error: 'invalid_email', detail: 'y'.repeat(40_000) });
      const { detail } = await deliver(
        () => ({ status: 422, headers: { 'content-encoding': coding }, body: compress(Buffer.from(text)) }),
        { policy: 'none' },
      );
      const attempt = detail.attemptList[0]!;
      expect(Buffer.from(attempt.responseBodyBase64, 'base64').toString()).toBe(text.slice(0, 16 * 1024));
      // What came over the wire, compressed.
      expect(attempt.responseBodyBytes).toBe(compress(Buffer.from(text)).length);
      expect(h!.service.queue.store.log(undefined, null, 10).items[0]!.responseData).toMatch(
        /^\{"error":"invalid_email"/,
      );
    },
  );

  it('an answer whose Content-Encoding does not decode is kept as received', async () => {
    const garbage = Buffer.from([0x1f, 0x8b, 0x00, 0x01, 0x02, 0x03]);
    const { detail } = await deliver(
      () => ({ status: 200, headers: { 'content-encoding': 'gzip' }, body: garbage }),
      { policy: 'none' },
    );
    expect(Buffer.from(detail.attemptList[0]!.responseBodyBase64, 'base64')).toEqual(garbage);
  });

  /** A delivery with `policy` to a server that always answers 500, its service started (both closed after the test). */
  async function failingDelivery(policy: Record<string, unknown>) {
    const target = (server = await cueServer(() => ({ status: 500 })));
    const harness = (h = deliveryHarness());
    harness.service.start();
    const delivery = harness.service.send({
      request: { method: 'POST', url: target.url, headers: [], bodyBase64: '' },
      type: 'manual',
      ...policy,
    } as never);
    return { s: delivery, h: harness, server: target };
  }

  it('cancel stops a pending retry; retry-now makes it due at once, by hand, and goes on with a cancelled schedule', async () => {
    const { s, h, server } = await failingDelivery({ policy: 'ortto' });
    await h.settle();
    expect(h.service.get(s.id).state).toBe('pending');
    h.service.retryNow(s.id);
    await h.settle();
    expect(server.received).toHaveLength(2);
    expect(h.service.cancel(s.id).state).toBe('cancelled');
    h.clock.advance(DAY * 30);
    await h.settle();
    expect(server.received).toHaveLength(2);
    expect(h.service.retryNow(s.id).state).toBe('pending');
    await h.settle();
    expect(server.received).toHaveLength(3);
    const detail = h.service.get(s.id);
    expect(detail.state).toBe('pending');
    // Attempt 3 of Ortto's 13: the cancel did not buy the delivery a fresh schedule.
    expect([detail.attempts, detail.maxAttempts]).toEqual([3, 13]);
    expect(detail.attemptList.map((a) => a.manual)).toEqual([false, true, true]);
  });

  it('retry-now starts the schedule again for a delivery that finished', async () => {
    const { s, h } = await failingDelivery({ policy: 'custom', customWaitsMs: [1000] });
    await h.settle();
    h.clock.advance(1000);
    await h.settle();
    expect(h.service.get(s.id).state).toBe('failed');
    expect(h.service.retryNow(s.id).maxAttempts).toBe(4);
    await h.settle();
    expect(h.service.get(s.id)).toMatchObject({ state: 'pending', attempts: 3, maxAttempts: 4 });
  });
});
