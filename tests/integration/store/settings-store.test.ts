import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
