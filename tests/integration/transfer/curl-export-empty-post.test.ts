import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { until, useApiHarness } from '../delivery/helpers';
import { rawTargets } from '../../helpers/raw-target';

const api = useApiHarness();
const hasCurl = spawnSync('curl', ['--version']).status === 0;

describe('the cURL export of a POST with an empty body', () => {
  it.skipIf(!hasCurl)('has curl send Content-Length: 0, as a replay of it does', async () => {
    const targets = rawTargets(api);
    const capture = await targets.captureRaw('/empty-post', 'POST');
    const command = await targets.exported(capture.id, 'curl');
    const sent = await targets.curlRequest(command);
    expect(sent.method).toBe('POST');
    expect(sent.body.byteLength).toBe(0);
    expect(sent.headers['content-length']).toBe('0');

    const replay = await api.call('deliveries.replay', {
      captureId: capture.id,
      url: `${api.server.url}/empty-post`,
      policy: 'none',
    });
    expect(replay.ok).toBe(true);
    const replayed = await until(() =>
      api.server.received.find((r) => r.url === '/empty-post' && r !== sent),
    );
    expect(replayed.headers['content-length']).toBe(sent.headers['content-length']);
  });
});
