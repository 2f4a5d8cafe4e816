import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { newDelivery } from '../../../electron/engine/delivery/new-delivery';
import { deliveryHarness, until, useApiHarness, type ApiReply } from './helpers';

const api = useApiHarness();
const call = api.call;

describe('requests that could never be sent are refused up front, naming the field', () => {
  it.each([
    [[['Expect', '100-continue']], /request\.headers\.0\.0: header "Expect" is connection-level/],
    [
      [
        ['X-A', '1'],
        ['Transfer-Encoding', 'chunked'],
      ],
      /request\.headers\.1\.0: header "Transfer-Encoding"/,
    ],
    [[['Upgrade', 'websocket']], /request\.headers\.0\.0: header "Upgrade"/],
    [
      [['Connection', 'upgrade']],
      /request\.headers\.0\.0: header "Connection" can only be "close" or "keep-alive"/,
    ],
    [
      [['Authorization', 'Bearer tok€n']],
      /request\.headers\.0\.1: header "Authorization" value has "€", which is not one byte/,
    ],
  ])('%j', async (headers, message) => {
    const result = await call('deliveries.send', {
      request: { method: 'POST', url: api.server.url, headers, bodyBase64: '' },
    });
    expect(result.error?.code).toBe('invalid_input');
    expect(result.error?.message).toMatch(message);
  });

  it('a Standard Webhooks secret that is not base64', async () => {
    const result = await call('deliveries.send', {
      request: { method: 'POST', url: api.server.url, headers: [], bodyBase64: '' },
      signing: { scheme: 'standard-webhooks', secret: 'not base64 !!' },
    });
    expect(result.error?.code).toBe('invalid_input');
    expect(result.error?.message).toMatch(/signing\.secret: a Standard Webhooks secret is base64/);
  });

  it('a header value of bytes beyond ASCII (Latin-1 or UTF-8 bytes) is still allowed', async () => {
    const result = await call('deliveries.send', {
      request: {
        method: 'POST',
        url: `${api.server.url}/bytes`,
        headers: [['X-Name', 'ZoÃ«']],
        bodyBase64: '',
      },
    });
    expect(result.ok).toBe(true);
    const got = await until(() => api.server.received.find((r) => r.url === '/bytes'));
    expect(Buffer.from(got.headers['x-name'] as string, 'latin1').toString('utf8')).toBe('Zoë');
  });

  it('Connection: close is still allowed', async () => {
    const result = await call('deliveries.send', {
      request: {
        method: 'POST',
        url: `${api.server.url}/close`,
        headers: [['Connection', 'close']],
        bodyBase64: '',
      },
    });
    expect(result.ok).toBe(true);
    await until(() => api.server.received.find((r) => r.url === '/close'));
  });
});

describe('replay', () => {
  it('re-sends a capture that carried Expect: 100-continue (as curl adds to larger bodies), without it', async () => {
    const body = Buffer.alloc(2048, 'x');
    // undici will not send Expect itself; node:http does, and sends the body once the receiver says 100 Continue.
    const res = await new Promise<{ statusCode: number }>((resolve, reject) => {
      const req = httpRequest(`${api.engine.receiverUrl}/h/expect`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Expect: '100-continue' },
      });
      req.on('continue', () => req.end(body));
      req.on('response', (r) => {
        r.resume();
        resolve({ statusCode: r.statusCode ?? 0 });
      });
      req.on('error', reject);
    });
    expect(res.statusCode).toBe(200);
    const captured = await until(() =>
      api.engine.ctx.captures.list({ limit: 10 }).items.find((c) => c.path === '/h/expect'),
    );
    const detail = (await call('captures.get', { id: captured.id })).value as {
      headers: Array<[string, string]>;
    };
    expect(detail.headers.some(([n]) => n.toLowerCase() === 'expect')).toBe(true);
    const replay = (await call('deliveries.replay', {
      captureId: captured.id,
      url: `${api.server.url}/replayed-expect`,
      mode: 'exact',
      policy: 'none',
    })) as ApiReply & { value: { id: number } };
    expect(replay.ok).toBe(true);
    const got = await until(() => api.server.received.find((r) => r.url === '/replayed-expect'));
    expect(got.body.equals(body)).toBe(true);
    expect(got.headers.expect).toBeUndefined();
    const state = await until(async () => {
      const d = (await call('deliveries.get', { id: replay.value.id })).value as { state: string };
      return d.state === 'succeeded' ? d.state : undefined;
    });
    expect(state).toBe('succeeded');
  });
});

describe('bulk send escapes merged values for where they land, as the composer does', () => {
  it('JSON body, URL and headers keep their format whatever a row holds; a row that would break a header is skipped', async () => {
    const rows = ['id,name,note', '1,"Jo ""The Man""","a&b=c"', '2,"two\nlines",plain', '3,ok,"x\ny"'].join(
      '\n',
    );
    const job = (
      await call('bulk.start', {
        template: {
          method: 'POST',
          url: `${api.server.url}/bulk-escape/[id]?note=[note]`,
          headers: [['X-Note', '[name]']],
          body: '{"id":[id],"name":"[name]","note":"[note]"}',
        },
        rows: { content: rows, format: 'csv' },
      })
    ).value as { jobId: number };
    expect(job.jobId).toBeGreaterThan(0);
    const first = await until(() => api.server.received.find((r) => r.url.startsWith('/bulk-escape/1')));
    expect(first.url).toBe('/bulk-escape/1?note=a%26b%3Dc');
    expect(first.headers['content-type']).toBe('application/json');
    expect(JSON.parse(first.body.toString())).toEqual({ id: 1, name: 'Jo "The Man"', note: 'a&b=c' });
    const progress = await until(async () => {
      const p = (await call('bulk.get', { id: job.jobId })).value as {
        state: string;
        counts: { succeeded: number; skipped: number };
        rowErrors: Array<{ row: number; message: string }>;
      };
      return p.state === 'done' ? p : undefined;
    });
    expect(progress.counts).toMatchObject({ succeeded: 2, skipped: 1 });
    expect(progress.rowErrors).toEqual([
      { row: 2, message: expect.stringMatching(/^row 2: header "X-Note" would contain a line break/) },
    ]);
    const third = api.server.received.find((r) => r.url.startsWith('/bulk-escape/3'))!;
    expect(third.headers['content-type']).toBe('application/json');
    expect(JSON.parse(third.body.toString())).toEqual({ id: 3, name: 'ok', note: 'x\ny' });
  });
});

describe('a stored delivery that cannot be sent fails once, without retries', () => {
  let h: ReturnType<typeof deliveryHarness> | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it.each([
    [
      'an unusable signing secret (saved before secrets were checked)',
      { signing: { scheme: 'standard-webhooks' as const, secret: 'not base64 !!' } },
      [] as Array<[string, string]>,
      /^signing failed: secret: a Standard Webhooks secret is base64/,
    ],
    [
      'a header the HTTP client refuses',
      {},
      [['Expect', '100-continue']] as Array<[string, string]>,
      /UND_ERR_NOT_SUPPORTED/,
    ],
  ])('%s', async (_, options, headers, error) => {
    h = deliveryHarness();
    h.service.start();
    const before = api.server.received.length;
    const row = h.service.queue.store.insert(
      newDelivery(
        { method: 'POST', url: `${api.server.url}/never`, headers, body: Buffer.from('x') },
        { policy: 'ortto', ...options } as never,
        'manual',
        h.clock.now(),
      ),
      h.clock.now(),
    );
    h.service.queue.poke();
    await h.drain();
    const detail = h.service.get(row.id);
    expect(detail.state).toBe('failed');
    expect(detail.attempts).toBe(1);
    expect(detail.lastError).toMatch(error);
    expect(detail.lastError).toMatch(/not retried/);
    expect(api.server.received.length).toBe(before);
  });
});
