import { createApiClient } from '../../electron/shared/contract/client';
import { createEngine } from '../../electron/engine/engine';
import { createInProcessTransport } from '../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../electron/engine/util/logger';
import { startApp } from '../helpers/app-server';
import { createHttpTransport } from '../helpers/http-client';
import { tempDir } from '../helpers/temp-dir';
import { runContractSuite } from './contract-suite';

runContractSuite('the in-process dispatcher', async () => {
  const dir = tempDir();
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  return {
    client: createApiClient(createInProcessTransport(engine)),
    async close() {
      await engine.close();
      dir.cleanup();
    },
  };
});

runContractSuite('HTTP and WebSocket', async () => {
  const app = await startApp({ serveUi: false });
  const transport = createHttpTransport(app.apiUrl, app.token);
  return {
    client: createApiClient(transport),
    ready: () => transport.ready(),
    async close() {
      transport.close();
      await app.close();
    },
  };
});
