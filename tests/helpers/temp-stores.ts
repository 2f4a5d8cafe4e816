import { afterEach, beforeEach } from 'vitest';
import { openStores, type Stores } from '../../electron/engine/store/open-stores';
import { FakeClock } from '../../electron/engine/util/clock';
import { tempDir } from './temp-dir';

export interface TempStores {
  dir: ReturnType<typeof tempDir>;
  clock: FakeClock;
  /** Reassign to reopen (close the old ones first); the new ones are closed after the test. */
  stores: Stores;
}

/**
 * Fresh stores (real SQLite, filing as captures arrive) in a temp data dir for each test, on a fake clock starting at
 * `startMs`; closed and removed after it. Read the fields inside tests and hooks.
 */
export function useTempStores(startMs = 1_700_000_000_000): TempStores {
  const t = {} as TempStores;
  beforeEach(() => {
    t.dir = tempDir();
    t.clock = new FakeClock(startMs);
    t.stores = openStores({ dataDir: t.dir.path, clock: t.clock });
  });
  afterEach(() => {
    t.stores.captures.close();
    t.stores.db.close();
    t.dir.cleanup();
  });
  return t;
}
