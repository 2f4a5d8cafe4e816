import { systemClock } from '../util/clock';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';
import { openStores, type Stores } from './open-stores';
import { upgradePending } from './pending-upgrade';
import { SearchIndexNeedsRebuildError } from './search-index/index-schema';

/**
 * The stores of a command that only reads (the CLI's tail and export). It takes no lock, so it works beside a running
 * app, unless the folder needs an upgrade: that is done only under the app's lock, never under an (older) app that
 * has the folder open and would then refuse it as migrated by a newer Hookscope.
 */
export function openReaderStores(dataDir: string): Stores {
  // The app files what it acknowledged, with its annotators (vendor labels, verification).
  const open = (rebuildSearchIndex: boolean) =>
    openStores({ dataDir, clock: systemClock, filing: 'never', readOnly: true, rebuildSearchIndex });
  if (!upgradePending(dataDir)) {
    // Without the lock, an index found missing or outdated meanwhile (another Hookscope rebuilding it) is left alone.
    try {
      return open(false);
    } catch (error) {
      if (!(error instanceof SearchIndexNeedsRebuildError)) throw error;
    }
  }
  let unlock: () => void;
  try {
    unlock = lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    throw new Error(
      `This data folder (${dataDir}) needs an upgrade or its search index set up, but another Hookscope has it open` +
        `${error.holder === null ? '' : ` (pid ${error.holder})`}. Quit it and run this command again, or let the ` +
        'newest Hookscope app/serve open the folder: it does both.',
      { cause: error },
    );
  }
  try {
    return open(true);
  } finally {
    unlock();
  }
}
