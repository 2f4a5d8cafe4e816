import { describe, expect, it } from 'vitest';
import { until, useApiHarness } from './helpers';

const api = useApiHarness();

describe('a body given as base64 must be canonical base64, or it is refused naming the field', () => {
  it.each(['a', 'abc', 'ab=c', 'abcd=', 'a===', 'YQ', 'Y Q=='])('deliveries.send %j', async (bodyBase64) => {
    const before = ((await api.call('deliveries.list', {})).value as { items: unknown[] }).items.length;
    const result = await api.call('deliveries.send', {
      request: { method: 'POST', url: api.server.url, bodyBase64 },
      type: 'manual',
    });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(/request\.bodyBase64: not base64/);
    expect(((await api.call('deliveries.list', {})).value as { items: unknown[] }).items.length).toBe(before);
  });

  it('signing.preview refuses it too', async () => {
    const result = await api.call('signing.preview', {
      config: { scheme: 'github', secret: 'gh-secret' },
      bodyBase64: 'abc',
    });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(/bodyBase64: not base64/);
  });

  // The check once recursed per 4-character group: from about 3 MB of body it threw "Maximum call stack size exceeded".
  it('a body of several megabytes is accepted and sent byte for byte', async () => {
    const body = Buffer.alloc(6 * 1024 * 1024 + 1, 'x');
    const result = await api.call('deliveries.send', {
      request: { method: 'POST', url: `${api.server.url}/large`, bodyBase64: body.toString('base64') },
      type: 'manual',
    });
    expect(result.error).toBeUndefined();
    const got = await until(() => api.server.received.find((r) => r.url === '/large'));
    expect(got.body.equals(body)).toBe(true);
  });

  it.each(['', 'YQ==', 'YWI=', 'YWJj', '+/+/'])('%j is accepted', async (bodyBase64) => {
    const result = await api.call('deliveries.send', {
      request: { method: 'POST', url: api.server.url, bodyBase64 },
      type: 'manual',
    });
    expect(result.ok).toBe(true);
  });
});
