import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { useCleanup } from '../../helpers/cleanup';
import { useEngineApi } from '../../helpers/engine-api';
import { loopbackLookup } from '../tunnel/lt-server';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

const browserUa =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36';

/** A target on 127.0.0.1 whose name `<id>.lt.test` is a public URL of the configured tunnel server `lt.test`. */
async function sendThroughTunnelDomain(url: (port: number) => string) {
  const target = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => target.close());
  const agent = new Agent({ connect: { lookup: loopbackLookup } });
  cleanup.push(() => agent.close());
  const h = deliveryHarness({
    send: createHttpSender(agent),
    tunnelHosts: () => ({ publicUrls: [], serverHosts: [`http://lt.test:${target.port}`] }),
  });
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: url(target.port), headers: [['User-Agent', browserUa]], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  await h.drain();
  const logged = h.service.get(id).attemptList[0]!.requestHeaders;
  return { wire: target.received[0]!.headers, logged };
}

describe('bypass-tunnel-reminder on outgoing attempts', () => {
  it('goes out to a public URL of the configured tunnel server, and the attempt log shows it as sent', async () => {
    const { wire, logged } = await sendThroughTunnelDomain((port) => `http://someone.lt.test:${port}/hook`);
    expect(wire['bypass-tunnel-reminder']).toBe('1');
    expect(logged).toContainEqual(['bypass-tunnel-reminder', '1']);
  });

  it('is never added for another host', async () => {
    const { wire, logged } = await sendThroughTunnelDomain((port) => `http://127.0.0.1:${port}/hook`);
    expect(wire['bypass-tunnel-reminder']).toBeUndefined();
    expect(logged.map(([name]) => name.toLowerCase())).not.toContain('bypass-tunnel-reminder');
  });
});

describe("the engine's tunnel servers", () => {
  const app = useEngineApi();
  it('include the saved tunnel host, so its public URLs get the header', async () => {
    await app.api.call('tunnel.settings.update', { host: 'http://lt.example.com:4000' });
    expect(app.engine.tunnel.serverHosts()).toEqual(['http://lt.example.com:4000']);
  });
});
