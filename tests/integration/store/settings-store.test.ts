import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { maxBodyLimitBytes } from '../../../electron/shared/contract/app';
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

describe('settings kept by an earlier version', () => {
  it('load with the new fields at their defaults instead of being thrown away', () => {
    stores.db.prepare("INSERT INTO settings (key, value) VALUES ('settings', ?)").run(
      JSON.stringify({
        retention: { maxCount: 10, maxAgeMs: null },
        deliveryRetention: { maxAgeMs: 5000 },
        bodyLimitBytes: 4096,
        notifyOnCapture: false,
      }),
    );
    shut();
    stores = open();
    expect(stores.settings.get()).toEqual({
      retention: { maxCount: 10, maxAgeMs: null },
      deliveryRetention: { maxAgeMs: 5000, maxCount: null },
      bodyLimitBytes: 4096,
      notifyOnCapture: false,
      theme: 'system',
    });
  });

  it('keep every valid setting when one no longer validates, and survive unreadable JSON', () => {
    stores.db.prepare("INSERT INTO settings (key, value) VALUES ('settings', ?)").run(
      JSON.stringify({
        retention: { maxCount: 10, maxAgeMs: 5 }, // an age below today's minimum
        bodyLimitBytes: 4096,
        notifyOnCapture: 'yes', // not a boolean
        theme: 'dark',
      }),
    );
    shut();
    stores = open();
    expect(stores.settings.get()).toEqual({
      retention: { maxCount: 10, maxAgeMs: null },
      deliveryRetention: { maxAgeMs: null, maxCount: null },
      bodyLimitBytes: 4096,
      notifyOnCapture: true,
      theme: 'dark',
    });
    stores.db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'settings'").run();
    shut();
    stores = open();
    expect(stores.settings.get().bodyLimitBytes).toBe(25 * 1024 * 1024);
  });
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
