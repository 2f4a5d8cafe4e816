import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { captureUrl } from '../../../renderer/src/lib/capture-url';
import { rawExchange } from '../../helpers/raw-http';
import { until, useApiHarness } from '../delivery/helpers';

const api = useApiHarness();

/** Sends `target` raw in a request line to the receiver; the capture it became, once filed, in detail. */
async function captureRaw(target: string) {
  const port = Number(new URL(api.engine.receiverUrl).port);
  await rawExchange(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  const path = target.split('?')[0]!;
  const summary = await until(() =>
    api.engine.ctx.captures.list({ limit: 50 }).items.find((c) => c.path === path),
  );
  return api.engine.ctx.captures.get(summary.id);
}

async function exported(id: number, format: 'curl' | 'har'): Promise<string> {
  const reply = await api.call('captures.export', { ids: [id], format, redact: false });
  return (reply.value as { content: string }).content;
}

/** Runs the exported cURL command against the cue server instead of the receiver; the target it asked for. */
async function curlTarget(command: string): Promise<string> {
  const before = api.server.received.length;
  const script = command.replaceAll(api.engine.receiverUrl, api.server.url);
  await promisify(execFile)('sh', ['-c', script]);
  return api.server.received[before]!.url;
}

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
