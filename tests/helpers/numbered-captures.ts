import { beforeAll } from 'vitest';
import { send } from './raw-http';
import { useTestEngine } from './test-engine';

/**
 * A test engine for the file that first receives `count` POSTs, to `<prefix>/1` … `<prefix>/<count>` with bodies `1` …,
 * all filed before the tests. `ids` are their capture ids, newest first (as the list gives them).
 */
export function useEngineWithNumberedCaptures(prefix: string, count: number) {
  const t = useTestEngine();
  let ids: number[] | undefined;
  beforeAll(async () => {
    const { engine } = t;
    for (let n = 1; n <= count; n++)
      await send(`${engine.receiverUrl}${prefix}/${n}`, { method: 'POST', body: `${n}` });
    engine.ctx.captures.fileWaiting();
    ids = engine.ctx.captures.list({ limit: count }).items.map((c) => c.id);
  });
  return {
    get engine() {
      return t.engine;
    },
    get dataDir() {
      return t.dataDir;
    },
    get ids() {
      if (!ids) throw new Error('useEngineWithNumberedCaptures: the captures are posted in beforeAll');
      return ids;
    },
  };
}
