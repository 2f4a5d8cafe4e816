import { describe, expect, it } from 'vitest';
import { buildEmulatedRequest } from '../../../electron/shared/send/emulators';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { useApiHarness } from './helpers';

const api = useApiHarness();

const contact = { 'Contact ID': '8' };
/**
 * A Ping URL with a merge field for its host (DOMAIN-NOTES §3.1), for a contact with no value for it. Its path starts
 * with the test target's address, so that URL parsing, which reads `http:///x` as `http://x/`, would deliver there.
 */
const pingUrl = () => `http://[Site Domain]/127.0.0.1:${api.server.port}/hook?id=[Contact ID]`;
const filled = () => `http:///127.0.0.1:${api.server.port}/hook?id=8`;

describe('a URL with no host as written is refused, not sent to its path read as a host', () => {
  it('emulate.send names the empty host of the filled Ping URL', async () => {
    const sent = await api.call('emulate.send', { kind: 'ontraport-ping', to: pingUrl(), contact });
    // Was: queued for "http:///127.0.0.1:PORT/hook?id=8" and delivered to 127.0.0.1:PORT.
    expect(sent.value).toBeUndefined();
    expect(sent.error?.code).toBe('invalid_input');
    expect(sent.error?.message).toContain(
      `to: with the contact's merge fields filled, URL "${filled()}" has no host`,
    );
  });

  it('deliveries.send refuses one too, however few slashes it has', async () => {
    for (const url of [
      filled(),
      `http:/127.0.0.1:${api.server.port}/x`,
      `http:127.0.0.1:${api.server.port}/x`,
    ]) {
      const sent = await api.call('deliveries.send', {
        request: { method: 'POST', url, headers: [], bodyBase64: '' },
      });
      expect(sent.error?.code, url).toBe('invalid_input');
      expect(sent.error?.message, url).toContain(`URL "${url}" has no host`);
    }
    const list = await api.call('deliveries.list', {});
    expect((list.value as { items: unknown[] }).items).toEqual([]);
    expect(api.server.received).toEqual([]);
  });

  it('the composer filled by the emulator with such a URL says it has no host', () => {
    const emulated = buildEmulatedRequest('ontraport-ping', { nowMs: 0, contact, url: pingUrl() });
    expect(emulated.url).toBe(filled());
    const built = buildOutgoing(
      { method: 'POST', url: emulated.url!, headers: [], auth: { kind: 'none' }, bodyMode: 'form', body: '' },
      {},
    );
    expect(built.errors.filter((e) => e.field === 'url').map((e) => e.message)).toEqual([
      `URL "${filled()}" has no host`,
    ]);
  });
});
