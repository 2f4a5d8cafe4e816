import { expect, it } from 'vitest';
import { serve } from '../../../electron/cli/commands/serve';
import { createEngine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { createApiClient } from '../../../electron/shared/contract/client';
import { silentLogger } from '../../../electron/engine/util/logger';
import { useCleanup } from '../../helpers/cleanup';
import { tempDir } from '../../helpers/temp-dir';

// Nothing listens on the discard port: a registration there fails at once, on loopback.
const TUNNEL_HOST = 'http://127.0.0.1:9';

const cleanups = useCleanup();

/** A data folder whose profile starts the tunnel on its own. */
async function autoStartingProfile() {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await createApiClient(createInProcessTransport(engine)).call('tunnel.settings.update', {
    host: TUNNEL_HOST,
    autoStart: true,
  });
  await engine.close();
  return dir.path;
}

const serveOn = async (dataDir: string, tunnelAutoStart?: boolean) => {
  const served = await serve({
    dataDir,
    receiverPort: 0,
    uiPort: 0,
    host: '127.0.0.1',
    ui: false,
    tunnelAutoStart,
  });
  cleanups.push(() => served.close());
  return served;
};

it('serve --tunnel leaves the saved auto-start alone, so its own start is the only registration', async () => {
  // The auto-start registered, and --tunnel's start at once abandoned that registration for a second one.
  const served = await serveOn(await autoStartingProfile(), false);
  expect(served.engine.tunnel.state().phase).toBe('idle');
  const started = served.engine.tunnel.startTunnel({ host: TUNNEL_HOST });
  expect(started).toMatchObject({ phase: 'connecting', host: TUNNEL_HOST, attempt: 0 });
});

it('serve without --tunnel still starts the tunnel the profile auto-starts', async () => {
  const served = await serveOn(await autoStartingProfile());
  expect(served.engine.tunnel.state()).toMatchObject({ host: TUNNEL_HOST });
  expect(served.engine.tunnel.state().phase).not.toBe('idle');
});
