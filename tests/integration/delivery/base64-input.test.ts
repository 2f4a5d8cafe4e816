import { describe, expect, it } from 'vitest';
import { useApiHarness } from './helpers';

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

  it.each(['', 'YQ==', 'YWI=', 'YWJj', '+/+/'])('%j is accepted', async (bodyBase64) => {
    const result = await api.call('deliveries.send', {
      request: { method: 'POST', url: api.server.url, bodyBase64 },
      type: 'manual',
    });
    expect(result.ok).toBe(true);
  });
});
