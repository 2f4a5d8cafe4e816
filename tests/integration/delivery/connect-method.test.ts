import { describe, expect, it } from 'vitest';
import { run as cliSend } from '../../../electron/cli/commands/send';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { cliIo } from '../../helpers/cli-io';
import { useApiHarness } from './helpers';

// CONNECT asks a proxy for a tunnel; the HTTP client refuses it only once the delivery is tried. Refused up front.
const api = useApiHarness();
const call = api.call;
const queued = async () => ((await call('deliveries.list', {})).value as { items: unknown[] }).items.length;

describe('method CONNECT is refused before anything is queued, naming the field', () => {
  it.each(['CONNECT', 'connect'])('deliveries.send with %s', async (method) => {
    const before = await queued();
    const result = await call('deliveries.send', {
      request: { method, url: api.server.url, headers: [], bodyBase64: '' },
      type: 'manual',
    });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid_input');
    expect(result.error?.message).toMatch(/request\.method: CONNECT cannot be sent/);
    expect(await queued()).toBe(before);
  });

  it('webhooks.save', async () => {
    const result = await call('webhooks.save', { name: 'Tunnel', method: 'CONNECT', url: api.server.url });
    expect(result.error?.code).toBe('invalid_input');
    expect(result.error?.message).toMatch(/method: CONNECT cannot be sent/);
  });

  it('the composer names the method as an error, so it does not send', () => {
    const built = buildOutgoing(
      {
        method: 'connect',
        url: api.server.url,
        headers: [],
        auth: { kind: 'none' },
        bodyMode: 'text',
        body: '',
      },
      {},
    );
    expect(built.errors).toEqual([
      { field: 'method', message: expect.stringMatching(/^CONNECT cannot be sent/) },
    ]);
  });

  it('hookscope send -X CONNECT says why, not "malformed"', async () => {
    await expect(cliSend([api.server.url, '-X', 'CONNECT'], cliIo().io)).rejects.toThrow(
      /^--request: CONNECT cannot be sent/,
    );
  });
});
