import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { startAppWithTunnelModule } from './app-with-tunnel-module';

// The receiver's own address typed as the tunnel server (the Local URL copied into the wrong field): every
// registration attempt, retried for ever, was captured as a `GET /<subdomain>` and failed as "answered without id".

const cleanups = useCleanup();

it('refuses the receiver itself as the tunnel server, naming the field, and saves nothing', async () => {
  const { app, provider, module, call } = await startAppWithTunnelModule(cleanups);
  const port = app.engine.ctx.receiverPort();

  for (const host of [app.receiverUrl, `http://localhost:${port}`]) {
    const started = await call('tunnel.start', { host, subdomain: 'own-hooks' });
    expect(started).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!started.ok && started.error.message).toMatch(/^host: .* is this app's own receiver/);
  }
  expect(provider.calls).toHaveLength(0);
  expect(module.state().phase).toBe('idle');
  expect(await call('tunnel.settings.get', {})).toMatchObject({
    value: { subdomain: null, host: 'https://localtunnel.me' },
  });
});
