import { describe, expect, it } from 'vitest';
import { rawTargets } from '../../helpers/raw-target';
import { until, useApiHarness } from '../delivery/helpers';

const api = useApiHarness();

const { captureRaw, exported, curlTarget } = rawTargets(api);

describe('a # sent raw in the request target', () => {
  it('stays in the stored path and query, as received', async () => {
    expect(await captureRaw('/frag#x?y=1')).toMatchObject({ path: '/frag#x', query: 'y=1' });
    expect(await captureRaw('/q?a=1#b')).toMatchObject({ path: '/q', query: 'a=1#b' });
  });

  it('is re-sent as received by the cURL export, so curl drops neither it nor the query after it', async () => {
    expect(await curlTarget(await exported((await captureRaw('/frag#x?y=1')).id, 'curl'))).toBe(
      '/frag#x?y=1',
    );
    expect(await curlTarget(await exported((await captureRaw('/q?a=1#b')).id, 'curl'))).toBe('/q?a=1#b');
  });

  it('is escaped in the HAR export’s URL', async () => {
    const url = async (target: string) => {
      const har = JSON.parse(await exported((await captureRaw(target)).id, 'har'));
      const parsed = new URL(har.log.entries[0].request.url);
      return `${parsed.pathname}${parsed.search}`;
    };
    expect(await url('/frag#x?y=1')).toBe('/frag%23x?y=1');
    expect(await url('/q?a=1#b')).toBe('/q?a=1%23b');
  });

  it('in the query is re-sent by a replay that keeps the query', async () => {
    const capture = await captureRaw('/q?a=1#b');
    const reply = await api.call('deliveries.replay', {
      captureId: capture.id,
      url: `${api.server.url}/replayed-hash`,
      policy: 'none',
      keepQuery: true,
    });
    expect(reply.ok).toBe(true);
    await until(() => api.server.received.find((r) => r.url.startsWith('/replayed-hash')));
    expect(api.server.received.find((r) => r.url.startsWith('/replayed-hash'))!.url).toBe(
      '/replayed-hash?a=1%23b',
    );
  });
});
