import { afterEach } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/engine';
import { silentLogger } from '../../electron/engine/util/logger';
import { inProcessCall } from './in-process-call';
import { tempDir } from './temp-dir';

/**
 * A real engine a test can stop and start again over the same data dir: `start()` opens one over the test's temp dir
 * (made at its first start), `stop()` closes it. After each test the engine is closed and the dir removed. `call` is
 * the running engine's in-process API.
 */
export function useRestartableEngine() {
  let engine: Engine | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    dir?.cleanup();
    dir = undefined;
  });
  const running = () => {
    if (!engine) throw new Error('useRestartableEngine: start() the engine first');
    return engine;
  };
  return {
    get engine() {
      return running();
    },
    get dataDir() {
      if (!dir) throw new Error('useRestartableEngine: the data dir is made at the first start()');
      return dir.path;
    },
    call: inProcessCall(running),
    async start() {
      dir ??= tempDir();
      engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    },
    async stop() {
      await engine?.close();
      engine = undefined;
    },
  };
}
