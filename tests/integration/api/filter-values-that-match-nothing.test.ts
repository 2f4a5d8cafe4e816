import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../delivery/helpers';

// A content type, method or header name that no capture can carry was taken and matched nothing, where the app's
// filters and the CLI's flags refuse it or trim it: an API caller saw an empty list and no reason.
const api = useApiHarness();

async function send(path: string, init: RequestInit & { headers?: Record<string, string> }) {
  const info = (await api.call('app.info', {})) as { value: { receiverUrl: string } };
  const res = await fetch(`${info.value.receiverUrl}${path}`, init);
  await res.arrayBuffer();
}

describe('API filter values that can match no capture are refused, naming the field', () => {
  it.each([
    ['filter.contentTypes.0', { contentTypes: ['json'] }],
    ['filter.contentTypes.1', { contentTypes: ['application/json', '*/*'] }],
    ['filter.contentTypes.0', { contentTypes: ['application/'] }],
    ['filter.contentTypes.0', { contentTypes: [' '] }],
    ['filter.methods.0', { methods: ['GET,POST'] }],
    ['filter.methods.0', { methods: [''] }],
    ['filter.methods.1', { methods: ['GET', 'PO ST'] }],
    ['filter.header.name', { header: { name: '   ' } }],
  ])('%s: %j', async (field, filter) => {
    for (const method of ['captures.list', 'captures.count']) {
      const reply = await api.call(method, { filter });
      expect(reply.ok, method).toBe(false);
      expect(reply.error?.code).toBe('invalid_input');
      expect(reply.error?.message.startsWith(`${field}: `), reply.error?.message).toBe(true);
    }
  });

  it('values the app and the CLI take still match as they do there: any case, parameters, spaces around', async () => {
    await send('/filters/one', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shop': 'north' },
      body: '{}',
    });
    for (const filter of [
      { contentTypes: ['Application/JSON; charset=utf-8'] },
      { contentTypes: ['application/*', 'none'] },
      { methods: ['post', ' POST '] },
      { header: { name: ' X-Shop ' } },
      { header: { name: '\tx-shop', value: 'north' } },
    ]) {
      const reply = (await api.call('captures.count', { filter })) as {
        ok: boolean;
        value?: { count: number };
      };
      expect(reply.ok, JSON.stringify(filter)).toBe(true);
      expect(reply.value?.count, JSON.stringify(filter)).toBe(1);
    }
  });
});
