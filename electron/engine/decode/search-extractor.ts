import type Database from 'better-sqlite3';
import { compileCustomDictionary, searchTextFor, type CustomDictionary } from '../../shared/decode/index';
import type { SearchTextExtractor } from '../store/fts-indexer';
import type { Clock } from '../util/clock';
import { CustomDictionaryStore } from './custom-store';

/** The decoder's words for the search index (field labels, vendor, event), with the custom labels in force. */
export function decoderSearchText(custom: () => CustomDictionary | undefined): SearchTextExtractor {
  return (capture) =>
    searchTextFor(
      {
        method: capture.method,
        path: capture.path,
        query: capture.query,
        headers: capture.headers,
        contentType: capture.contentType,
        harContentType: capture.harContentType,
        body: capture.body,
      },
      custom(),
    );
}

/**
 * The same extractor for a process without the decode module (the CLI, when it has to index): the custom labels are
 * read once from the database. An index written without them would never find a capture by its labels, in the app
 * either, because the index does not go back over what it has done.
 */
export function standaloneDecoderSearchText(db: Database.Database, clock: Clock): SearchTextExtractor {
  const entries = new CustomDictionaryStore(db, () => clock.now()).allEntries();
  const custom = entries.length > 0 ? compileCustomDictionary(entries) : undefined;
  return decoderSearchText(() => custom);
}
