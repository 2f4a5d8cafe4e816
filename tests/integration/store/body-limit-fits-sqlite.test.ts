import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxBodyLimitBytes } from '../../../electron/shared/contract/app';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
const open = () => openStores({ dataDir: dir.path, clock: systemClock });
const shut = () => {
  stores.captures.close();
  stores.db.close();
};
beforeEach(() => {
  dir = tempDir();
  stores = open();
});
afterEach(() => {
  shut();
  dir.cleanup();
});

// A capture is one SQLite row, and this SQLite refuses a value over about 512 MiB: a body limit above that answered
// requests whose capture could not be stored.
describe('the largest body limit', () => {
  it('is a body this SQLite can store as one value, with room for the rest of its row', () => {
    const fits = (bytes: number) => {
      try {
        stores.db.prepare('SELECT length(zeroblob(?)) AS n').get(bytes);
        return true;
      } catch {
        return false;
      }
    };
    expect(fits(1024 * 1024 * 1024)).toBe(false);
    expect(fits(maxBodyLimitBytes + 1024 * 1024)).toBe(true);
  });

  it('is refused above it, naming the field', () => {
    expect(() => stores.settings.update({ bodyLimitBytes: 1024 * 1024 * 1024 })).toThrow(/bodyLimitBytes/);
    expect(stores.settings.update({ bodyLimitBytes: maxBodyLimitBytes }).bodyLimitBytes).toBe(
      maxBodyLimitBytes,
    );
  });

  it('is what a 1 GiB limit saved by an earlier version becomes, not the 25 MB default', () => {
    stores.db
      .prepare("INSERT INTO settings (key, value) VALUES ('settings', ?)")
      .run(JSON.stringify({ bodyLimitBytes: 1024 * 1024 * 1024 }));
    shut();
    stores = open();
    expect(stores.settings.get().bodyLimitBytes).toBe(maxBodyLimitBytes);
  });
});
