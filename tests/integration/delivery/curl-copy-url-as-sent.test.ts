import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { curlFor } from '../../../renderer/src/features/compose/PreviewPanel';
import { until, useApiHarness } from './helpers';

const api = useApiHarness();

/** The target the cue server got for a composer request sent by the delivery engine, and by its Copy as cURL. */
async function targets(url: string) {
  api.server.received.length = 0;
  const built = buildOutgoing(
    { method: 'POST', url, headers: [], auth: { kind: 'none' }, bodyMode: 'text', body: 'hi' },
    {},
  );
  expect(built.errors).toEqual([]);
  const sent = await api.call('deliveries.send', {
    request: { method: built.method, url: built.url, headers: built.headers, bodyBase64: built.bodyBase64 },
    policy: 'none',
    type: 'manual',
  });
  expect(sent.ok).toBe(true);
  const delivered = await until(() => api.server.received.find((r) => r.body.toString() === 'hi'));
  const before = api.server.received.length;
  await promisify(execFile)('sh', ['-c', curlFor(built, [])]);
  return { delivered: delivered.url, copied: api.server.received[before]?.url };
}

describe('Copy as cURL of a URL typed with a space or non-ASCII', () => {
  it('asks for the target the composer sends (curl refused the space with exit 3)', async () => {
    const { delivered, copied } = await targets(`${api.server.url}/hook?name=John Smith`);
    expect(delivered).toBe('/hook?name=John%20Smith');
    expect(copied).toBe(delivered);
  });

  // curl sent the query's UTF-8 raw, which Node's own server refuses as a bad request line.
  it("sends a query's non-ASCII as the composer's percent-encoded bytes, not raw UTF-8", async () => {
    const { delivered, copied } = await targets(`${api.server.url}/café?city=Zürich`);
    expect(delivered).toBe('/caf%C3%A9?city=Z%C3%BCrich');
    expect(copied).toBe(delivered);
  });

  it('keeps a URL a request line carries as written', async () => {
    const { delivered, copied } = await targets(`${api.server.url}/a/../b?q='x'`);
    expect(delivered).toBe("/a/../b?q='x'");
    expect(copied).toBe(delivered);
  });
});
