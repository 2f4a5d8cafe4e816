import { beforeAll } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { useTestEngine } from './test-engine';

/**
 * A real engine for a test file that receives what `post` sends before its tests, with the search index caught up.
 * `found(text)` lists the paths of the captures a search for `text` finds.
 */
export function useSearchOverPosted(post: (engine: Engine) => Promise<void>): {
  found: (text: string) => string[];
} {
  const started = useTestEngine();
  beforeAll(async () => {
    await post(started.engine);
    started.engine.ctx.captures.indexer.drain();
  });
  return {
    found: (text) =>
      started.engine.ctx.captures.list({ limit: 10, filter: { text } }).items.map((c) => c.path),
  };
}
