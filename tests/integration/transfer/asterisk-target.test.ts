import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';
import { rawExchange } from '../../helpers/raw-http';
import { until, useApiHarness } from '../delivery/helpers';

const api = useApiHarness();

async function captureAsteriskForm() {
  const port = Number(new URL(api.engine.receiverUrl).port);
  await rawExchange(port, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  return until(() => api.engine.ctx.captures.list({ limit: 50 }).items.find((c) => c.path === '*'));
}

async function curlExport(id: number): Promise<string> {
  const reply = await api.call('captures.export', { ids: [id], format: 'curl', redact: false });
  return (reply.value as { content: string }).content.replace(/^#!.*\n/, '').trim();
}

describe('an OPTIONS * (asterisk-form target) capture', () => {
  it('is exported as a cURL command that sends OPTIONS *, not OPTIONS /*', async () => {
    const command = await curlExport((await captureAsteriskForm()).id);
    const before = api.server.received.length;
    await promisify(execFile)('sh', ['-c', command.replaceAll(api.engine.receiverUrl, api.server.url)]);
    expect(api.server.received[before]).toMatchObject({ method: 'OPTIONS', url: '*' });
  });

  it('is refused by the cURL import with the reason, rather than sent to a path', async () => {
    const command = await curlExport((await captureAsteriskForm()).id);
    expect(() => parseCurl(command)).toThrow(/--request-target: .*OPTIONS \*.*cannot be sent from here/);
  });
});
