import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { startAppWithTunnelModule } from './app-with-tunnel-module';

// tunnel.start refuses the receiver's own address and the app's own UI as the tunnel server; saving them through
// tunnel.settings.update was accepted, so the next start (or the auto-start at launch) failed on a saved value.

const cleanups = useCleanup();

it("refuses the receiver's own address and the app's own UI as the saved tunnel server, naming host", async () => {
  const { app, provider, call } = await startAppWithTunnelModule(cleanups);
  const receiverPort = app.engine.ctx.receiverPort();
  const uiPort = new URL(app.apiUrl).port;

  const own = [
    [app.receiverUrl, /^host: .* is this app's own receiver.*, not a tunnel server/],
    [`http://localhost:${receiverPort}`, /^host: .* is this app's own receiver.*, not a tunnel server/],
    [app.apiUrl, /^host: .* is this app's own UI and control API .*, not a tunnel server/],
    [`http://localhost:${uiPort}`, /^host: .* is this app's own UI and control API .*, not a tunnel server/],
  ] as const;
  for (const [host, message] of own) {
    const saved = await call('tunnel.settings.update', { host, autoStart: true });
    expect(saved).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!saved.ok && saved.error.message).toMatch(message);
  }
  expect(await call('tunnel.settings.get', {})).toMatchObject({
    value: { host: 'https://localtunnel.me', autoStart: false },
  });

  // Another tunnel server, and a patch that leaves the host alone, are still saved.
  expect(await call('tunnel.settings.update', { host: 'https://tunnel.example.com' })).toMatchObject({
    ok: true,
    value: { host: 'https://tunnel.example.com' },
  });
  expect(await call('tunnel.settings.update', { autoStart: true })).toMatchObject({
    ok: true,
    value: { host: 'https://tunnel.example.com', autoStart: true },
  });
  expect(provider.calls).toHaveLength(0);
});
