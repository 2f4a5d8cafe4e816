import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract/errors';
import { DEFAULT_TUNNEL_HOST, tunnelSettings, type TunnelSettings } from '../../shared/contract/tunnel';
import { describeIssues } from '../api/dispatcher';

export const defaultTunnelSettings: TunnelSettings = {
  subdomain: null,
  host: DEFAULT_TUNNEL_HOST,
  autoStart: false,
};

interface Row {
  subdomain: string | null;
  host: string;
  auto_start: number;
}

/** The profile's tunnel options in SQLite (table from migration 030). */
export class TunnelSettingsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  get(): TunnelSettings {
    const row = this.db
      .prepare('SELECT subdomain, host, auto_start FROM tunnel_settings WHERE id = 1')
      .get() as Row | undefined;
    if (!row) return defaultTunnelSettings;
    const parsed = tunnelSettings.safeParse({
      subdomain: row.subdomain,
      host: row.host,
      autoStart: row.auto_start === 1,
    });
    return parsed.success ? parsed.data : defaultTunnelSettings;
  }

  /** The settings `update(patch)` would save, validated (naming the field), without saving them. */
  merged(patch: Partial<TunnelSettings>): TunnelSettings {
    const next = tunnelSettings.safeParse({ ...this.get(), ...patch });
    if (!next.success) throw new ApiError('invalid_input', describeIssues(next.error));
    return next.data;
  }

  update(patch: Partial<TunnelSettings>): TunnelSettings {
    const next = this.merged(patch);
    this.db
      .prepare(
        `INSERT INTO tunnel_settings (id, subdomain, host, auto_start, updated_at_ms) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET subdomain = excluded.subdomain, host = excluded.host,
           auto_start = excluded.auto_start, updated_at_ms = excluded.updated_at_ms`,
      )
      .run(next.subdomain, next.host, next.autoStart ? 1 : 0, this.now());
    return next;
  }
}
