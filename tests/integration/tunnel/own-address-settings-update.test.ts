import { expect, it } from 'vitest';
import type { Handlers } from '../../../electron/shared/contract/index';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { useCleanup } from '../../helpers/cleanup';
import { startApp } from '../../helpers/app-server';
import { FakeProvider } from '../../unit/tunnel/fake-provider';

// tunnel.start refuses the receiver's own address and the app's own UI as the tunnel server; saving them through
// tunnel.settings.update was accepted, so the next start (or the auto-start at launch) failed on a saved value.

const cleanups = useCleanup();

it("refuses the receiver's own address and the app's own UI as the saved tunnel server, naming host", async () => {
  const app = await startApp({ serveUi: false });
  cleanups.push(() => app.close());
  const provider = new FakeProvider();
  const module = createTunnelModule(app.engine.ctx, { provider });
  cleanups.push(() => module.close?.());
  const dispatcher = createDispatcher(module.handlers as unknown as Handlers, { checkOutputs: true });
  const call = (method: string, input: unknown) =>
    dispatcher.dispatch(method, input, { transport: 'in-process' });
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
