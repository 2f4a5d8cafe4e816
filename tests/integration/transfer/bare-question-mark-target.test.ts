import { describe, expect, it } from 'vitest';
import { captureUrl } from '../../../renderer/src/lib/capture-url';
import { rawTargets } from '../../helpers/raw-target';
import { until, useApiHarness } from '../delivery/helpers';

const api = useApiHarness();

const { captureRaw, exported, curlTarget } = rawTargets(api);

describe('a request target ending in a bare ?', () => {
  it('is told apart from the same path without one', async () => {
    const bare = await captureRaw('/bare-q?');
    const none = await captureRaw('/no-q');
    expect(bare).toMatchObject({ path: '/bare-q', query: '', emptyQuery: true });
    expect(none.emptyQuery).toBeUndefined();
    expect(captureUrl(bare, api.engine.receiverUrl)).toBe(`${api.engine.receiverUrl}/bare-q?`);
    expect(captureUrl(none, api.engine.receiverUrl)).toBe(`${api.engine.receiverUrl}/no-q`);
  });

  it('is re-sent with its ? by the cURL export', async () => {
    const bare = await captureRaw('/curl-bare?');
    expect(await curlTarget(await exported(bare.id, 'curl'))).toBe('/curl-bare?');
  });

  it('keeps its ? in the HAR export and through a HAR import', async () => {
    const bare = await captureRaw('/har-bare?');
    const har = await exported(bare.id, 'har');
    expect(JSON.parse(har).log.entries[0].request.url).toBe(`${api.engine.receiverUrl}/har-bare?`);
    expect((await api.call('captures.importHar', { har, duplicates: true })).ok).toBe(true);
    const back = await until(() =>
      api.engine.ctx.captures
        .list({ limit: 50 })
        .items.find((c) => c.source === 'imported' && c.path === '/har-bare'),
    );
    expect(api.engine.ctx.captures.get(back.id)).toMatchObject({ query: '', emptyQuery: true });
  });

  it('is re-sent by a replay that keeps the query', async () => {
    const bare = await captureRaw('/replay-bare?');
    const reply = await api.call('deliveries.replay', {
      captureId: bare.id,
      url: `${api.server.url}/replayed-bare`,
      policy: 'none',
      keepQuery: true,
    });
    expect(reply.ok).toBe(true);
    const received = await until(() => api.server.received.find((r) => r.url.startsWith('/replayed-bare')));
    expect(received.url).toBe('/replayed-bare?');
  });
});
