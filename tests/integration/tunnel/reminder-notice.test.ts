import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { useCleanup } from '../../helpers/cleanup';
import { startApp, type TestApp } from '../../helpers/app-server';
import { FakeProvider, flush } from '../../unit/tunnel/fake-provider';
import { waitFor } from './harness';

// The "reminder page" notice explains localtunnel.me's interstitial; self-hosted tunnel servers have none.

const cleanups = useCleanup();

const browser =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

function post(app: TestApp, host: string) {
  return new Promise<void>((resolve, reject) => {
    const req = http.request(
      `${app.receiverUrl}/h/x`,
      { method: 'POST', headers: { host, 'user-agent': browser }, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end('x');
  });
}

async function tunnelTo(host: string, url: string) {
  const app = await startApp({ serveUi: false });
  cleanups.push(() => app.close());
  const provider = new FakeProvider();
  const tunnel = createTunnelModule(app.engine.ctx, { provider });
  cleanups.push(() => tunnel.close?.());
  tunnel.startTunnel({ host });
  provider.last().resolve(url);
  await flush();
  await post(app, new URL(url).host);
  await waitFor('the capture to be filed as tunnel traffic', () => {
    app.engine.ctx.captures.flush();
    return app.engine.ctx.captures.list({ limit: 10 }).items.some((c) => c.source === 'tunnel');
  });
  await flush();
  return tunnel;
}

describe('reminder page notice', () => {
  it('is raised for a browser-like sender through localtunnel.me', async () => {
    const tunnel = await tunnelTo('https://localtunnel.me', 'https://abcd.loca.lt');
    expect(tunnel.state().reminderNotice).toMatchObject({ userAgent: browser });
  });

  it('is not raised through a self-hosted tunnel server, which shows no reminder page', async () => {
    const tunnel = await tunnelTo('http://127.0.0.1:9', 'http://abcd.lt.test');
    expect(tunnel.state().reminderNotice).toBeNull();
  });

  it('goes when the tunnel stops or moves to a server without the page, as its other alerts do', async () => {
    const meta = { transport: 'in-process' } as const;
    const stopped = await tunnelTo('https://localtunnel.me', 'https://abcd.loca.lt');
    stopped.handlers['tunnel.stop']({}, meta);
    expect(stopped.state().reminderNotice).toBeNull();

    const moved = await tunnelTo('https://localtunnel.me', 'https://efgh.loca.lt');
    moved.handlers['tunnel.start']({ host: 'http://127.0.0.1:9' }, meta);
    expect(moved.state().reminderNotice).toBeNull();
  });
});
