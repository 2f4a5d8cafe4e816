import type Database from 'better-sqlite3';
import { compileCustomDictionary, searchTextFor, type CustomDictionary } from '../../shared/decode/index';
import type { SearchTextExtractor } from '../store/fts-indexer';
import { CustomDictionaryStore } from './custom-store';

/**
 * The decoder's words for the full-text index (field labels, vendor, event), with the user's custom dictionaries read
 * from `db`. The store worker runs this on its own connection; `reload()` after a dictionary changes.
 */
export function createDecodeSearchText(db: Database.Database): {
  extract: SearchTextExtractor;
  reload(): void;
} {
  const store = new CustomDictionaryStore(db, () => Date.now());
  let custom: CustomDictionary | undefined;
  let stale = true;
  return {
    extract(capture) {
      if (stale) {
        const all = store.allEntries();
        custom = all.length > 0 ? compileCustomDictionary(all) : undefined;
        stale = false;
      }
      return searchTextFor(
        {
          method: capture.method,
          path: capture.path,
          query: capture.query,
          headers: capture.headers,
          contentType: capture.contentType,
          body: capture.body,
        },
        custom,
      );
    },
    reload() {
      stale = true;
    },
  };
}
