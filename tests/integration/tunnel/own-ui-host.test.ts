import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { startAppWithTunnelModule } from './app-with-tunnel-module';

// Browser mode's own UI address typed as the tunnel server (the address bar copied into the wrong field): the client
// registered with it, got the UI's HTML page back, showed it as a confusing error and retried for ever.

const cleanups = useCleanup();

it("refuses the app's own UI server as the tunnel server, naming the field, and saves nothing", async () => {
  const { app, provider, module, call } = await startAppWithTunnelModule(cleanups);
  const uiPort = new URL(app.apiUrl).port;

  for (const host of [app.apiUrl, `http://localhost:${uiPort}`]) {
    const started = await call('tunnel.start', { host, subdomain: 'own-ui' });
    expect(started).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!started.ok && started.error.message).toBe(
      `host: ${new URL(host).origin} is this app's own UI and control API (port ${uiPort}), not a tunnel server; use the tunnel server's URL, like https://localtunnel.me`,
    );
  }
  expect(provider.calls).toHaveLength(0);
  expect(module.state().phase).toBe('idle');
  expect(await call('tunnel.settings.get', {})).toMatchObject({
    value: { subdomain: null, host: 'https://localtunnel.me' },
  });
});
