import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { openStores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** The files of the data folder this process still has open (Linux). */
const openInDataDir = () =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(join('/proc/self/fd', fd));
      return target.startsWith(dir.path) ? [target] : [];
    } catch {
      return []; // closed meanwhile (readdir's own descriptor)
    }
  });

it.each(['tail', 'export'])(
  '%s with a filter it cannot build leaves no file of the data folder open',
  async (command) => {
    const stores = openStores({ dataDir: dir.path, clock: systemClock });
    stores.captures.close();
    stores.db.close();
    expect(openInDataDir()).toEqual([]);
    const out = cliIo();
    expect(await main([command, '--data-dir', dir.path, '--endpoint', 'nope'], out.io)).toBe(2);
    expect(out.err()).toContain('--endpoint: no endpoint "nope"');
    expect(openInDataDir()).toEqual([]);
  },
);
