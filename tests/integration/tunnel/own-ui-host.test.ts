import { afterEach, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/shared/contract/index';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { startApp } from '../../helpers/app-server';
import { FakeProvider } from '../../unit/tunnel/fake-provider';

// Browser mode's own UI address typed as the tunnel server (the address bar copied into the wrong field): the client
// registered with it, got the UI's HTML page back, showed it as a confusing error and retried for ever.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it("refuses the app's own UI server as the tunnel server, naming the field, and saves nothing", async () => {
  const app = await startApp({ serveUi: false });
  cleanups.push(() => app.close());
  const provider = new FakeProvider();
  const module = createTunnelModule(app.engine.ctx, { provider });
  cleanups.push(() => module.close?.());
  const dispatcher = createDispatcher(module.handlers as unknown as Handlers, { checkOutputs: true });
  const call = (method: string, input: unknown) =>
    dispatcher.dispatch(method, input, { transport: 'in-process' });
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
