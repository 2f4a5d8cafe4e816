import { describe, expect, it } from 'vitest';
import { until } from './helpers';
import { useAppAndTarget } from './app-and-target';

const t = useAppAndTarget();
const value = t.value;

// Credentials in the URL become Basic auth; taking them out re-wrote the rest of the URL through `href`, so the
// target went out percent-encoded (`'` as %27) where the same URL without credentials goes out as typed.
describe('a URL with user:password@', () => {
  it('sends the path and query as typed, the credentials as Basic auth', async () => {
    const url = `${t.target.url.replace('://', '://ann:s%40cret@')}/hook/{id}?q='x'&r=a|b`;
    const delivery = await value<{ id: number; url: string }>('deliveries.send', {
      request: { method: 'POST', url, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    expect(delivery.url).toBe(`${t.target.url}/hook/{id}?q='x'&r=a|b`);
    await until(async () => {
      const d = await value<{ state: string }>('deliveries.get', { id: delivery.id });
      return d.state === 'succeeded' ? d : undefined;
    });
    expect(t.target.received.map((r) => r.url)).toEqual([`/hook/{id}?q='x'&r=a|b`]);
    const auth = t.target.received[0]!.headers.authorization;
    expect(auth).toBe(`Basic ${Buffer.from('ann:s@cret').toString('base64')}`);
  });
});
