import { describe, expect, it } from 'vitest';
import { rawExchange } from '../../helpers/raw-http';
import { until } from './helpers';
import { useAppAndTarget } from './app-and-target';

const t = useAppAndTarget();
const value = t.value;

// A sender may write a `#` into its request target; kept as typed in the replayed URL it began a fragment, and
// everything after it was left off the query sent.
describe('replay with the captured query when that query holds a #', () => {
  it('sends the whole query, the # as %23', async () => {
    const port = Number(new URL(t.app.receiverUrl).port);
    await rawExchange(
      port,
      `GET /hash-query?a=1#b=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    const captureId = await until(async () => {
      const { items } = await value<{ items: Array<{ id: number; path: string; query: string }> }>(
        'captures.list',
        { limit: 10 },
      );
      return items.find((c) => c.path === '/hash-query' && c.query === 'a=1#b=2')?.id;
    });
    const delivery = await value<{ id: number }>('deliveries.replay', {
      captureId,
      url: `${t.target.url}/to`,
      policy: 'none',
      keepQuery: true,
    });
    await until(async () => {
      const d = await value<{ state: string }>('deliveries.get', { id: delivery.id });
      return d.state === 'succeeded' ? d : undefined;
    });
    expect(t.target.received.map((r) => r.url)).toEqual(['/to?a=1%23b=2']);
  });
});
