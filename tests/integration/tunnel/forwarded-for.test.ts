import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createProtectionModule } from '../../../electron/engine/protection/module';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { useCleanup } from '../../helpers/cleanup';
import { startApp, type TestApp } from '../../helpers/app-server';
import { FakeProvider, flush } from '../../unit/tunnel/fake-provider';

// Rate limits key tunnel traffic by X-Forwarded-For only when it is trustworthy: the request came through the running
// tunnel, and that tunnel's server (not the saved settings) is one whose proxy appends the header.

const cleanups = useCleanup();

async function setup() {
  const app: TestApp = await startApp({ serveUi: false });
  cleanups.push(() => app.close());
  if (!app.engine.modules.protection) createProtectionModule(app.engine.ctx);
  const provider = new FakeProvider();
  const tunnel = createTunnelModule(app.engine.ctx, { provider });
  cleanups.push(() => tunnel.close?.());
  app.engine.ctx.endpoints.create({ slug: 'rl', name: 'rl', rateLimitPerMinute: 2 });
  const post = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${app.receiverUrl}/h/rl`,
        { method: 'POST', headers, agent: false },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end('x');
    });
  return { app, provider, tunnel, post };
}

describe('X-Forwarded-For trust for rate limits', () => {
  it('trusts it only for requests through a running localtunnel.me tunnel, never for direct local requests', async () => {
    const { provider, tunnel, post } = await setup();
    tunnel.startTunnel({ host: 'https://loca.lt' });
    provider.last().resolve('https://abcd.loca.lt');
    await flush();
    const direct: number[] = [];
    for (let n = 1; n <= 3; n++) direct.push(await post({ 'x-forwarded-for': `10.1.0.${n}` }));
    expect(direct).toEqual([200, 200, 429]);
    const viaTunnel: number[] = [];
    for (let n = 1; n <= 3; n++)
      viaTunnel.push(await post({ host: 'abcd.loca.lt', 'x-forwarded-for': `10.2.0.${n}` }));
    expect(viaTunnel).toEqual([200, 200, 200]);
  });

  it('goes by the server the tunnel runs on, not settings saved since', async () => {
    const { provider, tunnel, post } = await setup();
    tunnel.startTunnel({ host: 'http://127.0.0.1:9' });
    provider.last().resolve('http://myhooks.lt.test');
    await flush();
    tunnel.handlers['tunnel.settings.update']({ host: 'https://loca.lt' }, { transport: 'in-process' });
    expect(tunnel.state().host).toBe('http://127.0.0.1:9');
    const statuses: number[] = [];
    for (let n = 1; n <= 4; n++)
      statuses.push(await post({ host: 'myhooks.lt.test', 'x-forwarded-for': `10.1.0.${n}` }));
    expect(statuses).toEqual([200, 200, 429, 429]);
  });
});
