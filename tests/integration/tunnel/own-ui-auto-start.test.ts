import { expect, it, vi } from 'vitest';
import { createEngine } from '../../../electron/engine/engine';
import { startHttpTransport } from '../../../electron/engine/transport/http-transport';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { TunnelSettingsStore } from '../../../electron/engine/tunnel/settings-store';
import { silentLogger } from '../../../electron/engine/util/logger';
import { useCleanup } from '../../helpers/cleanup';
import { tempDir } from '../../helpers/temp-dir';
import { FakeProvider } from '../../unit/tunnel/fake-provider';

// `hookscope serve` auto-starts the saved tunnel before its UI server listens, so a saved host that is the UI's own
// port passed the start check; every registration then reached the UI and was retried for ever.

const cleanups = useCleanup();

it('gives up on an auto-started tunnel whose server turns out to be the UI, once the UI port is known', async () => {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const engine = await createEngine({
    dataDir: dir.path,
    mode: 'test',
    log: silentLogger,
    tunnelAutoStart: false,
  });
  cleanups.push(() => engine.close());
  // The UI's port from an earlier run, saved as the tunnel server then.
  const earlier = await startHttpTransport({ engine, port: 0, staticDir: null });
  const uiPort = Number(new URL(earlier.url).port);
  await earlier.close();
  const host = `http://127.0.0.1:${uiPort}`;
  new TunnelSettingsStore(engine.ctx.db, () => Date.now()).update({ host, autoStart: true });

  const provider = new FakeProvider();
  const backoff = { baseMs: 1, factor: 1, capMs: 1, jitter: 0 };
  const module = createTunnelModule(engine.ctx, { provider, timings: { backoff } });
  cleanups.push(() => module.close?.());
  module.start?.();
  expect(provider.calls).toHaveLength(1);

  const http = await startHttpTransport({ engine, port: uiPort, staticDir: null });
  cleanups.push(() => http.close());
  provider.last().reject(`connect ECONNREFUSED 127.0.0.1:${uiPort}`);

  await vi.waitFor(() => expect(module.state()).toMatchObject({ phase: 'offline', nextAttemptAtMs: null }));
  expect(module.state().lastError?.message).toMatch(
    new RegExp(
      `^host: ${host} is this app's own UI and control API \\(port ${uiPort}\\), not a tunnel server`,
    ),
  );
  expect(provider.calls).toHaveLength(1);
});
