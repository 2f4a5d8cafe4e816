import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchIndexFileName } from '../../../electron/engine/store/search-index/index-schema';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

/** The search index's file and its WAL, in bytes. */
function indexBytes(): number {
  const file = join(t.dir.path, searchIndexFileName);
  let size = 0;
  for (const f of [file, `${file}-wal`])
    try {
      size += statSync(f).size;
    } catch {
      // no WAL yet
    }
  return size;
}

describe('deleting every capture', () => {
  it('gives the search index its space back too, so the database size shown falls with it', async () => {
    for (let i = 0; i < 200; i++) {
      const words = Array.from({ length: 1000 }, (_, j) => `word${i}x${j}`).join(' ');
      await t.stores.captures.add(newCapture({ body: Buffer.from(JSON.stringify({ words })) }));
    }
    t.stores.captures.indexer.drain();
    expect(indexBytes()).toBeGreaterThan(1_500_000);

    t.stores.captures.deleteAll();
    // It stayed as large as before (several MB of file and WAL for no capture at all).
    expect(indexBytes()).toBeLessThan(300_000);
    expect(t.stores.captures.stats().dbSizeBytes).toBeLessThan(2_000_000);

    // Searching still works for what comes next.
    const later = await t.stores.captures.add(newCapture({ body: Buffer.from('{"after":"gamma"}') }));
    t.stores.captures.indexer.drain();
    expect(t.stores.captures.list({ filter: { text: 'gamma' }, limit: 5 }).items.map((c) => c.id)).toEqual([
      later,
    ]);
    expect(t.stores.captures.list({ filter: { text: 'word3x7' }, limit: 5 }).items).toEqual([]);
  });
});
