import { standaloneDecoderSearchText } from '../engine/decode/search-extractor';
import { DataDirInUseError, lockDataDir } from '../engine/store/data-dir-lock';
import type { Stores } from '../engine/store/open-stores';
import { systemClock } from '../engine/util/clock';

/**
 * Search needs the index up to date. With no app on the folder, index what it left, with the app's own words for it
 * (the decoder's field labels): the index never goes back over a capture, so it must not be done with less. Only under
 * the folder's lock: beside a running app, which indexes them itself, a reader must never write (two writers made
 * "database is locked" failures). Returns how many filed captures are not searchable yet.
 */
export function catchUpSearchIndex(stores: Stores, dataDir: string): number {
  let unlock: () => void;
  try {
    unlock = lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    return stores.db
      .prepare('SELECT COUNT(*) FROM captures WHERE id > ?')
      .pluck()
      .get(stores.captures.indexer.indexedUpTo()) as number;
  }
  try {
    stores.captures.addSearchTextExtractor(standaloneDecoderSearchText(stores.db, systemClock));
    stores.captures.indexer.drain();
  } finally {
    unlock();
  }
  return 0;
}
