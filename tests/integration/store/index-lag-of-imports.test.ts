import { describe, expect, it } from 'vitest';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();
const DAY = 86_400_000;

/** A request sent 13 days ago, imported (from a HAR file) now. */
const imported = () =>
  newCapture({
    receivedAtMs: t.clock.now() - 13 * DAY,
    importedAtMs: t.clock.now(),
    source: 'imported',
  });

describe('index lag of imported captures', () => {
  it('counts from when they were imported, not from when they were originally sent', async () => {
    await t.stores.captures.add(imported());
    t.stores.captures.fileWaiting();
    // Filed, not indexed yet (the index's next slice waits on the fake clock). The status bar showed "indexing · 1
    // behind (13 d)" for an import made this moment.
    expect(t.stores.captures.stats()).toMatchObject({ indexLagRows: 1, indexLagMs: 0 });
  });

  it('counts from when they were imported while still waiting to be filed', async () => {
    const { db, captures } = t.stores;
    // Acknowledged, then the disk fills before the filer copies it into the store.
    await captures.add({ ...imported(), body: Buffer.alloc(200_000, 'x') });
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    t.clock.advance(2000);
    expect(captures.stats()).toMatchObject({ count: 1, indexLagRows: 1, indexLagMs: 2000 });
  });
});
