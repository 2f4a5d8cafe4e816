import { beforeEach } from 'vitest';
import { newCapture } from './new-capture';
import { useTempStores } from './temp-stores';

/**
 * Fresh stores for each test holding one capture per entry of `bodies` (path → body), added in order, with the search
 * index caught up. `searchPaths(text)` lists the paths a search for `text` finds, sorted.
 */
export function useSearchOverBodies(bodies: Record<string, string>, limit = 10) {
  const t = useTempStores();
  beforeEach(async () => {
    for (const [path, body] of Object.entries(bodies))
      await t.stores.captures.add(newCapture({ path, body: Buffer.from(body) }));
    t.stores.captures.indexer.drain();
  });
  return {
    searchPaths: (text: string) =>
      t.stores.captures
        .list({ filter: { text }, limit })
        .items.map((c) => c.path)
        .sort(),
  };
}
