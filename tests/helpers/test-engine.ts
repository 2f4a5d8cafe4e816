import { afterAll, afterEach, beforeAll } from 'vitest';
import { createEngine, type Engine, type EngineOptions } from '../../electron/engine/engine';
import { silentLogger } from '../../electron/engine/util/logger';
import { tempDir } from './temp-dir';

/**
 * One real engine (receiver on port 0, SQLite store, decoders) in a fresh temp data dir for a test file: started before
 * its tests, closed and removed after them. Read `engine` and `dataDir` inside tests and hooks, not at import time.
 */
export function useTestEngine(options: Partial<Omit<EngineOptions, 'dataDir'>> = {}): {
  readonly engine: Engine;
  readonly dataDir: string;
} {
  let engine: Engine | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  beforeAll(async () => {
    dir = tempDir();
    engine = await createEngine({ mode: 'test', log: silentLogger, ...options, dataDir: dir.path });
  });
  afterAll(async () => {
    await engine?.close();
    dir?.cleanup();
  });
  return {
    get engine() {
      if (!engine) throw new Error('useTestEngine: the engine starts in beforeAll');
      return engine;
    },
    get dataDir() {
      if (!dir) throw new Error('useTestEngine: the data dir is made in beforeAll');
      return dir.path;
    },
  };
}

/** `start()` makes a real engine in a fresh temp data dir each time it is called; all are closed and removed after each test. */
export function useFreshEngines(): { start: () => Promise<Engine> } {
  const started: Array<{ engine: Engine; dir: ReturnType<typeof tempDir> }> = [];
  afterEach(async () => {
    for (const { engine, dir } of started.splice(0)) {
      await engine.close();
      dir.cleanup();
    }
  });
  return {
    start: async () => {
      const dir = tempDir();
      const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
      started.push({ engine, dir });
      return engine;
    },
  };
}
