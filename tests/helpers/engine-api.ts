import { afterAll, beforeAll } from 'vitest';
import { createApiClient, type ApiClient, type Transport } from '../../electron/shared/contract/client';
import { createEngine, type Engine } from '../../electron/engine/engine';
import { createInProcessTransport } from '../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../electron/engine/util/logger';
import { tempDir } from './temp-dir';

/**
 * A real engine (SQLite in a temp dir) and its API client over the in-process transport — or over
 * `wrap(transport)`, to make some calls fail the way a server would. Started before the file's tests, closed after.
 */
export function useEngineApi(wrap: (transport: Transport) => Transport = (t) => t): {
  readonly api: ApiClient;
  readonly engine: Engine;
} {
  let dir: ReturnType<typeof tempDir>;
  const state = {} as { api: ApiClient; engine: Engine };
  beforeAll(async () => {
    dir = tempDir();
    state.engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    state.api = createApiClient(wrap(createInProcessTransport(state.engine)));
  });
  afterAll(async () => {
    await state.engine.close();
    dir.cleanup();
  });
  return state;
}
