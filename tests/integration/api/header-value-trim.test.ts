import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../delivery/helpers';

// The app's Header filter and the CLI's --header trim the value and send none for an empty one (any value); an API
// caller's ' north ' matched nothing and '' matched only headers sent empty.
const api = useApiHarness();

async function send(path: string, shop: string) {
  const info = (await api.call('app.info', {})) as { value: { receiverUrl: string } };
  const res = await fetch(`${info.value.receiverUrl}${path}`, {
    method: 'POST',
    headers: { 'x-shop': shop },
    body: '{}',
  });
  await res.arrayBuffer();
}

async function paths(filter: unknown) {
  const reply = (await api.call('captures.list', { filter })) as {
    ok: boolean;
    value?: { items: Array<{ path: string }> };
  };
  expect(reply.ok, JSON.stringify(filter)).toBe(true);
  const count = (await api.call('captures.count', { filter })) as { ok: boolean; value?: { count: number } };
  expect(count.value?.count, JSON.stringify(filter)).toBe(reply.value?.items.length);
  return reply.value!.items.map((c) => c.path).sort();
}

describe('API filter.header.value, read as the app and the CLI read it', () => {
  it('loses the whitespace around it, and empty means any value', async () => {
    await send('/shops/north', 'north');
    await send('/shops/south', 'south');
    expect(await paths({ header: { name: 'x-shop', value: ' north\t' } })).toEqual(['/shops/north']);
    for (const value of ['', '  '])
      expect(await paths({ header: { name: 'x-shop', value } }), JSON.stringify(value)).toEqual([
        '/shops/north',
        '/shops/south',
      ]);
    expect(await paths({ header: { name: 'x-shop' } })).toEqual(['/shops/north', '/shops/south']);
  });
});
