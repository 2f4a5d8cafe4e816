import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryStore } from '../../../electron/engine/delivery/delivery-store';
import { newDelivery } from '../../../electron/engine/delivery/new-delivery';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { FakeClock } from '../../../electron/engine/util/clock';
import { deliveryOptions } from '../../../electron/shared/contract/delivery';
import { unexplainedRepeats } from '../../helpers/crash-deliveries';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
beforeEach(() => {
  dir = tempDir();
  stores = openStores({ dataDir: dir.path, clock: new FakeClock(1_700_000_000_000) });
});
afterEach(() => {
  stores.captures.close();
  stores.db.close();
  dir.cleanup();
});

describe('the crash test’s repeated deliveries', () => {
  it('are explained only when in flight at a kill and logged as interrupted by the restart', () => {
    const store = new DeliveryStore(stores.db);
    const add = () =>
      store.insert(
        newDelivery(
          { method: 'POST', url: 'http://127.0.0.1:9/hook', headers: [], body: Buffer.alloc(0) },
          deliveryOptions.parse({}),
          'manual',
          1000,
        ),
        1000,
      );
    const reclaimed = add();
    const notReclaimed = add();
    const notInFlight = add();
    // Both were claimed by the killed engine; only the first was taken back (and logged) by a restart.
    store.claim(reclaimed.id, 'killed', 1000, 2000);
    store.claim(notReclaimed.id, 'killed', 1000, 2000);
    expect(store.reclaimExpired(3000, 'restarted')).toHaveLength(2);
    stores.db.prepare('DELETE FROM delivery_attempts WHERE delivery_id = ?').run(notReclaimed.id);

    const uids = [reclaimed.uid, notReclaimed.uid, notInFlight.uid];
    const received = new Map(uids.map((uid) => [uid, 2]));
    const result = unexplainedRepeats(
      stores.db,
      received,
      new Set(uids),
      new Set([reclaimed.uid, notReclaimed.uid]),
    );
    expect(result.repeated).toEqual(uids);
    expect(result.unexplained).toEqual([notReclaimed.uid, notInFlight.uid]);
  });
});
