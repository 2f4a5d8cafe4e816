import type Database from 'better-sqlite3';
import { maxBodyLimitBytes } from '../../shared/contract/app';
import {
  ApiError,
  mergeSettings,
  settings as settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/contract/index';
import { describeIssues } from '../api/dispatcher';

export const defaultSettings: Settings = {
  retention: { maxCount: null, maxAgeMs: null },
  deliveryRetention: { maxAgeMs: null, maxCount: null },
  bodyLimitBytes: 25 * 1024 * 1024,
  notifyOnCapture: true,
  theme: 'system',
};

/** Settings live in SQLite and are cached in memory (the receiver reads the body limit on every request). */
export class SettingsStore {
  private cached: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly db: Database.Database) {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'settings'").get() as
      { value: string } | undefined;
    this.cached = row ? readStored(row.value) : defaultSettings;
  }

  get(): Settings {
    return this.cached;
  }

  /** Applies a patch as `settings.update` documents it (`settingsPatch`): nested objects merge field by field. */
  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.safeParse(mergeSettings(this.cached, patch));
    if (!next.success) throw new ApiError('invalid_input', describeIssues(next.error));
    this.db
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('settings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(JSON.stringify(next.data));
    this.cached = next.data;
    for (const listener of this.listeners) listener(next.data);
    return next.data;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Stored settings over the defaults, merged field by field: settings stored before a field existed (e.g.
 * `deliveryRetention.maxCount`) keep theirs, and a field that no longer validates (or unreadable JSON) falls back to
 * its default alone instead of taking every other stored setting with it.
 */
function readStored(json: string): Settings {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return defaultSettings;
  }
  if (typeof stored !== 'object' || stored === null) return defaultSettings;
  let settings = defaultSettings;
  const tryPatch = (patch: SettingsPatch) => {
    const next = settingsSchema.safeParse(mergeSettings(settings, patch));
    if (next.success) settings = next.data;
    return next.success;
  };
  for (const [key, saved] of Object.entries(stored)) {
    // A limit saved when up to 1 GiB was allowed becomes the largest allowed now, not the 25 MB default.
    const value =
      key === 'bodyLimitBytes' && typeof saved === 'number' && saved > maxBodyLimitBytes
        ? maxBodyLimitBytes
        : saved;
    if (tryPatch({ [key]: value } as SettingsPatch)) continue;
    if (typeof value === 'object' && value !== null)
      for (const [field, inner] of Object.entries(value))
        tryPatch({ [key]: { [field]: inner } } as SettingsPatch);
  }
  return settings;
}
