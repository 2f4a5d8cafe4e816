import { expect, it } from 'vitest';
import { restoreWatcher } from '../../../electron/cli/commands/tail-restores';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

async function filedCaptures(n: number): Promise<number[]> {
  const ids = await Promise.all(
    Array.from({ length: n }, (_, i) => t.stores.captures.add(newCapture({ path: `/c${i}` }))),
  );
  t.stores.captures.fileWaiting();
  return ids;
}

// Between two looks, and on the same clock reading as the last delete tail saw, a capture is deleted while another
// is restored: the trash holds as many as before, so its count alone says nothing changed.
it.each([
  ['a newer capture', 0, 1],
  ['an older capture', 1, 0],
])(
  'tail finds a restore while %s is deleted in the millisecond of the last delete seen',
  async (_, seen, unseen) => {
    const ids = await filedCaptures(2);
    t.stores.captures.delete([ids[seen]!], { undoable: true });
    const watcher = restoreWatcher(t.stores.db);
    expect(watcher.restoredSince()).toEqual([]);

    t.stores.captures.delete([ids[unseen]!], { undoable: true });
    expect(t.stores.captures.restore([ids[seen]!])).toEqual([ids[seen]!]);
    t.stores.captures.fileWaiting();
    expect(watcher.restoredSince()).toEqual([ids[seen]!]);

    // The delete it did not see at first is followed too.
    expect(t.stores.captures.restore([ids[unseen]!])).toEqual([ids[unseen]!]);
    t.stores.captures.fileWaiting();
    expect(watcher.restoredSince()).toEqual([ids[unseen]!]);
  },
);
