import type Database from 'better-sqlite3';
import { statusClasses, type StatusClass } from './capture-rows';
import {
  ApiError,
  type Endpoint,
  type EndpointAuth,
  type EndpointVerify,
  type ResponseRule,
} from '../../shared/contract/index';
import type { Redaction } from '../captures/redaction';

/** What the receiver and its hooks see of an endpoint. */
export type EndpointRuntime = Endpoint;

export const defaultRule: ResponseRule = {
  status: 200,
  headers: [['content-type', 'application/json']],
  body: '{"ok":true}',
  delayMs: 0,
  behaviour: { kind: 'fixed' },
};

interface EndpointRow {
  id: number;
  slug: string;
  name: string;
  is_default: number;
  rule: string;
  auth: string;
  verify: string | null;
  rate_limit_per_minute: number;
  created_at_ms: number;
  capture_count: number;
}

/** The catch-all a folder starts with; id 0 (no row has it) until it is inserted. */
function defaultEndpointRow(createdAtMs: number): EndpointRow {
  return {
    id: 0,
    slug: 'default',
    name: 'Default (catch-all)',
    is_default: 1,
    rule: JSON.stringify(defaultRule),
    auth: JSON.stringify({ kind: 'none' } satisfies EndpointAuth),
    verify: null,
    rate_limit_per_minute: 0,
    created_at_ms: createdAtMs,
    capture_count: 0,
  };
}

export const endpointPathPrefix = (slug: string, isDefault: boolean) => (isDefault ? '/' : `/h/${slug}`);

function toEndpoint(row: EndpointRow): Endpoint {
  const isDefault = row.is_default === 1;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    isDefault,
    pathPrefix: endpointPathPrefix(row.slug, isDefault),
    rule: JSON.parse(row.rule) as ResponseRule,
    auth: JSON.parse(row.auth) as EndpointAuth,
    verify: row.verify ? (JSON.parse(row.verify) as EndpointVerify) : null,
    rateLimitPerMinute: row.rate_limit_per_minute,
    createdAtMs: row.created_at_ms,
    captureCount: row.capture_count,
  };
}

export interface EndpointInput {
  slug: string;
  name: string;
  rule?: ResponseRule;
  auth?: EndpointAuth;
  verify?: EndpointVerify | null;
  rateLimitPerMinute?: number;
}

/**
 * Endpoints ("bins"): `/h/<slug>/…` routes to the named endpoint, everything else to the catch-all default.
 * Cached in memory because every request is matched against them.
 */
export class EndpointStore {
  private bySlug = new Map<string, Endpoint>();
  /** Looked up on every request answered (its endpoint's current rule): a scan of thousands of endpoints showed. */
  private byIdCache = new Map<number, Endpoint>();
  private defaultEndpoint!: Endpoint;
  private readonly listeners = new Set<(endpoint: Endpoint | null, deletedId: number | null) => void>();
  private bumpCount: Database.Statement | undefined;

  /**
   * `readOnly`: a reader beside a running app (the CLI) never inserts the catch-all a folder lacks; it takes it as
   * there, as the app will insert it. Its write would wait for the app's write lock and fail with "database is locked".
   */
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
    readOnly = false,
  ) {
    const hasDefault = db.prepare('SELECT 1 FROM endpoints WHERE is_default = 1').get();
    if (!hasDefault && !readOnly) {
      const row = defaultEndpointRow(now());
      db.prepare(
        'INSERT INTO endpoints (slug, name, is_default, rule, created_at_ms) VALUES (?, ?, 1, ?, ?)',
      ).run(row.slug, row.name, row.rule, row.created_at_ms);
    }
    this.reload();
  }

  private reload(): void {
    const rows = this.db.prepare('SELECT * FROM endpoints ORDER BY id').all() as EndpointRow[];
    this.bySlug = new Map();
    this.byIdCache = new Map();
    this.defaultEndpoint = toEndpoint(defaultEndpointRow(this.now()));
    for (const row of rows) {
      const endpoint = toEndpoint(row);
      if (endpoint.isDefault) this.defaultEndpoint = endpoint;
      else this.bySlug.set(endpoint.slug, endpoint);
      this.byIdCache.set(endpoint.id, endpoint);
    }
  }

  /** The endpoint a request path belongs to. */
  match(path: string): Endpoint {
    if (path.startsWith('/h/')) {
      // A fragment is no part of the path, but some clients send it anyway: `/h/x#f` is still endpoint x.
      const end = path.slice(3).search(/[/#]/);
      const slug = decodeURIComponentSafe(path.slice(3, end === -1 ? undefined : end + 3));
      const found = this.bySlug.get(slug);
      if (found) return found;
    }
    return this.defaultEndpoint;
  }

  /** An endpoint by id from the cache, or null if there is none (deleted). */
  byId(id: number): Endpoint | null {
    if (this.defaultEndpoint.id === id) return this.defaultEndpoint;
    return this.byIdCache.get(id) ?? null;
  }

  list(): Endpoint[] {
    const counts = new Map(
      (
        this.db.prepare('SELECT id, capture_count FROM endpoints').all() as {
          id: number;
          capture_count: number;
        }[]
      ).map((r) => [r.id, r.capture_count]),
    );
    return [this.defaultEndpoint, ...this.bySlug.values()].map((e) => ({
      ...e,
      captureCount: counts.get(e.id) ?? 0,
    }));
  }

  get(id: number): Endpoint {
    const row = this.db.prepare('SELECT * FROM endpoints WHERE id = ?').get(id) as EndpointRow | undefined;
    if (!row) throw new ApiError('not_found', `No endpoint with id ${id}.`, { id });
    return toEndpoint(row);
  }

  create(input: EndpointInput): Endpoint {
    this.refuseTakenSlug(input.slug);
    this.rememberSecretNames(input.auth, input.verify);
    const info = this.db
      .prepare(
        `INSERT INTO endpoints (slug, name, is_default, rule, auth, verify, rate_limit_per_minute, created_at_ms)
         VALUES (?, ?, 0, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.slug,
        input.name,
        JSON.stringify(input.rule ?? defaultRule),
        JSON.stringify(input.auth ?? { kind: 'none' }),
        input.verify ? JSON.stringify(input.verify) : null,
        input.rateLimitPerMinute ?? 0,
        this.now(),
      );
    return this.changed(Number(info.lastInsertRowid));
  }

  update(id: number, patch: Partial<EndpointInput>): Endpoint {
    const current = this.get(id);
    if (patch.slug !== undefined && patch.slug !== current.slug) {
      if (current.isDefault)
        throw new ApiError('invalid_input', 'slug: the default endpoint cannot be renamed.');
      this.refuseTakenSlug(patch.slug);
    }
    this.rememberSecretNames(patch.auth, patch.verify);
    this.db
      .prepare(
        `UPDATE endpoints SET slug = ?, name = ?, rule = ?, auth = ?, verify = ?, rate_limit_per_minute = ? WHERE id = ?`,
      )
      .run(
        patch.slug ?? current.slug,
        patch.name ?? current.name,
        JSON.stringify(patch.rule ?? current.rule),
        JSON.stringify(patch.auth ?? current.auth),
        patch.verify === undefined
          ? current.verify
            ? JSON.stringify(current.verify)
            : null
          : patch.verify
            ? JSON.stringify(patch.verify)
            : null,
        patch.rateLimitPerMinute ?? current.rateLimitPerMinute,
        id,
      );
    return this.changed(id);
  }

  delete(id: number): boolean {
    const current = this.get(id);
    if (current.isDefault) throw new ApiError('invalid_input', 'id: the default endpoint cannot be deleted.');
    this.db.prepare('DELETE FROM endpoints WHERE id = ?').run(id);
    this.reload();
    for (const listener of this.listeners) listener(null, id);
    return true;
  }

  /**
   * Every header and query name an endpoint has made secret, including endpoints since deleted or changed: the
   * captures they took still carry those secrets.
   */
  secretNames(): Redaction {
    const rows = this.db.prepare('SELECT kind, name FROM secret_names').all() as {
      kind: 'header' | 'query';
      name: string;
    }[];
    const headerNames = new Set<string>();
    const queryNames = new Set<string>();
    for (const { kind, name } of rows) (kind === 'header' ? headerNames : queryNames).add(name);
    return { headerNames, queryNames };
  }

  private refuseTakenSlug(slug: string): void {
    // The catch-all's slug is never shown (its URL is `/`), so "already exists" would point at nothing the user sees.
    if (slug === 'default')
      throw new ApiError(
        'conflict',
        'slug: "default" is reserved for the catch-all endpoint; pick another.',
        {
          field: 'slug',
        },
      );
    if (this.bySlug.has(slug))
      throw new ApiError('conflict', `slug: an endpoint "${slug}" already exists.`, { field: 'slug' });
  }

  /** Kept before the endpoint is written, so no capture can carry a name not yet remembered. */
  private rememberSecretNames(
    auth: EndpointAuth | undefined,
    verify: EndpointVerify | null | undefined,
  ): void {
    const remember = this.db.prepare('INSERT OR IGNORE INTO secret_names (kind, name) VALUES (?, ?)');
    if (auth?.kind === 'header' || auth?.kind === 'query') remember.run(auth.kind, auth.name.toLowerCase());
    if (verify?.header) remember.run('header', verify.header.toLowerCase());
  }

  /** Captures counted per endpoint, in all and per status class ([n, 2xx, 3xx, 4xx, 5xx]), in the rows' transaction. */
  addCaptureCounts(counts: Map<number, number[]>): void {
    // once per group commit, so the statement is prepared once
    this.bumpCount ??= this.db.prepare(
      `UPDATE endpoints SET capture_count = capture_count + ?, status_2xx = status_2xx + ?, status_3xx = status_3xx + ?,
        status_4xx = status_4xx + ?, status_5xx = status_5xx + ? WHERE id = ?`,
    );
    for (const [id, n] of counts) this.bumpCount.run(...n, id);
  }

  /** One endpoint's kept captures per status class, or null once it is deleted (its captures stay, its counts go). */
  statusClassCounts(id: number): Record<StatusClass, number> | null {
    const row = this.db
      .prepare('SELECT status_2xx, status_3xx, status_4xx, status_5xx FROM endpoints WHERE id = ?')
      .get(id) as Record<string, number> | undefined;
    if (!row) return null;
    return Object.fromEntries(statusClasses.map((c) => [c, row[`status_${c}`] ?? 0])) as Record<
      StatusClass,
      number
    >;
  }

  onChange(listener: (endpoint: Endpoint | null, deletedId: number | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(id: number): Endpoint {
    this.reload();
    const endpoint = this.get(id);
    for (const listener of this.listeners) listener(endpoint, null);
    return endpoint;
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
