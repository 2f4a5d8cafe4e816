import { systemClock } from '../util/clock';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';
import { openStores, type Stores } from './open-stores';
import { upgradePending } from './pending-upgrade';

/**
 * The stores of a command that only reads (the CLI's tail and export). It takes no lock, so it works beside a running
 * app, unless the folder needs an upgrade: that is done only under the app's lock, never under an (older) app that
 * has the folder open and would then refuse it as migrated by a newer Hookscope.
 */
export function openReaderStores(dataDir: string): Stores {
  // The app files what it acknowledged, with its annotators (vendor labels, verification).
  const open = () => openStores({ dataDir, clock: systemClock, filing: 'never', readOnly: true });
  if (!upgradePending(dataDir)) return open();
  let unlock: () => void;
  try {
    unlock = lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    throw new Error(
      `This data folder (${dataDir}) needs an upgrade, but another Hookscope has it open` +
        `${error.holder === null ? '' : ` (pid ${error.holder})`}. Quit it, or run the newer Hookscope app/serve ` +
        'to upgrade it.',
      { cause: error },
    );
  }
  try {
    return open();
  } finally {
    unlock();
  }
}
