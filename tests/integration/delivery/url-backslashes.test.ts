import { describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { useApiHarness } from './helpers';

const api = useApiHarness();

/** URL parsing reads `\` as `/` in an http(s) URL: `http:\\127.0.0.1:PORT/hook` would go to 127.0.0.1:PORT. */
const typed = () => [
  `http:\\\\127.0.0.1:${api.server.port}/hook`,
  `http:/\\127.0.0.1:${api.server.port}/hook`,
  `HTTP:\\/127.0.0.1:${api.server.port}/hook`,
  `http:\\127.0.0.1:${api.server.port}/hook`,
];
const told = (url: string) => {
  const scheme = url.slice(0, url.indexOf(':'));
  return `URL "${url}" has backslashes after "${scheme}:": use forward slashes (${scheme}://)`;
};

describe('a URL written with backslashes after its scheme is told to use forward slashes', () => {
  it('the composer says so, not "include http://"', () => {
    for (const url of typed()) {
      const built = buildOutgoing(
        { method: 'POST', url, headers: [], auth: { kind: 'none' }, bodyMode: 'text', body: '' },
        {},
      );
      // Was: 'URL "http:\\…" is not valid (include http:// or https://)'.
      expect(built.errors.filter((e) => e.field === 'url').map((e) => e.message)).toEqual([told(url)]);
    }
  });

  it('deliveries.send refuses it naming the field, and sends nothing', async () => {
    for (const url of typed()) {
      const sent = await api.call('deliveries.send', {
        request: { method: 'POST', url, headers: [], bodyBase64: '' },
      });
      // Was: queued and delivered to 127.0.0.1:PORT/hook (or "has no host" for one backslash).
      expect(sent.error?.code, url).toBe('invalid_input');
      expect(sent.error?.message, url).toContain(`request.url: ${told(url)}`);
    }
    const list = await api.call('deliveries.list', {});
    expect((list.value as { items: unknown[] }).items).toEqual([]);
    expect(api.server.received).toEqual([]);
  });
});
