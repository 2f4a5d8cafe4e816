import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract/errors';
import { DEFAULT_TUNNEL_HOST, tunnelSettings, type TunnelSettings } from '../../shared/contract/tunnel';
import { describeIssues } from '../api/dispatcher';
import type { Logger } from '../util/logger';

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
  /** `field=value` pairs already warned about: get() runs often, the log should say it once. */
  private readonly warned = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
    private readonly log?: Logger,
  ) {}

  get(): TunnelSettings {
    const row = this.db
      .prepare('SELECT subdomain, host, auto_start FROM tunnel_settings WHERE id = 1')
      .get() as Row | undefined;
    if (!row) return defaultTunnelSettings;
    // Field by field: a value saved before a check was tightened loses only itself, not the other options.
    return {
      subdomain: this.savedField('subdomain', row.subdomain),
      host: this.savedField('host', row.host),
      autoStart: this.savedField('autoStart', row.auto_start === 1),
    };
  }

  private savedField<K extends keyof TunnelSettings>(field: K, value: unknown): TunnelSettings[K] {
    const parsed = tunnelSettings.shape[field].safeParse(value);
    if (parsed.success) return parsed.data as TunnelSettings[K];
    const key = `${field}=${String(value)}`;
    if (!this.warned.has(key)) {
      this.warned.add(key);
      this.log?.warn(
        `tunnel settings: saved ${field} is no longer valid; using the default until it is set again`,
        {
          field,
          problem: parsed.error.issues.map((issue) => issue.message).join('; '),
          default: defaultTunnelSettings[field],
        },
      );
    }
    return defaultTunnelSettings[field];
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
