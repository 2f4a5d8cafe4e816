import type Database from 'better-sqlite3';
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
    // Merged field by field, so settings stored before a field existed (e.g. `deliveryRetention.maxCount`) keep theirs.
    const parsed = row
      ? settingsSchema.safeParse(mergeSettings(defaultSettings, JSON.parse(row.value) as SettingsPatch))
      : null;
    this.cached = parsed?.success ? parsed.data : defaultSettings;
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
