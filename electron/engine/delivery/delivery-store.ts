import type Database from 'better-sqlite3';
import type { HeaderPair } from '../../shared/contract/captures';
import type {
  DeliveryAttempt,
  DeliveryDetail,
  DeliveryFilter,
  DeliveryPolicy,
  DeliveryState,
  DeliverySummary,
  DeliveryType,
  LogRow,
} from '../../shared/contract/delivery';
import { deliveryState } from '../../shared/contract/delivery';
import type { SigningConfig } from '../../shared/send/signing-config';
import { maxAttempts, policySpec, type PolicyOptions } from './retry-policy';
import { responsePreview } from './response-preview';

export interface DeliveryRow {
  id: number;
  uid: string;
  created_at_ms: number;
  name: string;
  type: DeliveryType;
  policy: DeliveryPolicy;
  policy_json: string;
  state: DeliveryState;
  method: string;
  url: string;
  origin: string;
  headers_json: string;
  body: Buffer;
  signing_json: string | null;
  time_scale: number;
  timeout_ms: number;
  rate_per_minute: number | null;
  concurrency: number | null;
  webhook_id: number | null;
  bulk_job_id: number | null;
  bulk_row: number | null;
  attempts: number;
  policy_offset: number;
  /** 1 from "Retry now" until an attempt it starts completes (an interrupted one keeps it for the next). */
  retry_now: number;
  next_attempt_at_ms: number | null;
  lease_owner: string | null;
  lease_until_ms: number | null;
  /** When the row was last claimed for an attempt; null if never, or before the column existed. */
  claimed_at_ms: number | null;
  last_status: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  last_attempt_at_ms: number | null;
  last_response_preview: string | null;
  finished_at_ms: number | null;
}

export type DueRow = Pick<
  DeliveryRow,
  'id' | 'origin' | 'rate_per_minute' | 'concurrency' | 'timeout_ms' | 'claimed_at_ms'
>;

interface AttemptRowDb {
  id: number;
  delivery_id: number;
  attempt_no: number;
  started_at_ms: number;
  duration_ms: number;
  status: number | null;
  error: string | null;
  outcome: DeliveryAttempt['outcome'];
  next_wait_ms: number | null;
  schedule_wait_ms: number | null;
  manual: number;
  request_headers_json: string;
  response_headers_json: string;
  response_body: Buffer;
  response_body_decoded: number | null;
  response_body_bytes: number;
  response_body_size_unknown: number;
  signed_string: string | null;
}

export interface NewDelivery {
  uid: string;
  createdAtMs: number;
  name: string;
  type: DeliveryType;
  policy: DeliveryPolicy;
  policyOptions: PolicyOptions;
  method: string;
  url: string;
  headers: HeaderPair[];
  body: Buffer;
  signing: SigningConfig | null;
  timeScale: number;
  timeoutMs: number;
  ratePerMinute: number | null;
  concurrency: number | null;
  webhookId: number | null;
  bulkJobId: number | null;
  bulkRow: number | null;
  state: 'pending' | 'held';
}

export interface AttemptRecord {
  deliveryId: number;
  attemptNo: number;
  startedAtMs: number;
  durationMs: number;
  status: number | null;
  error: string | null;
  outcome: DeliveryAttempt['outcome'];
  nextWaitMs: number | null;
  /** The policy's own wait when the target's Retry-After made `nextWaitMs` longer. */
  scheduleWaitMs?: number | null;
  /** Started by "Retry now", not by the schedule. */
  manual: boolean;
  requestHeaders: HeaderPair[];
  responseHeaders: HeaderPair[];
  responseBody: Buffer;
  /** `responseBody` was decoded from the answer's Content-Encoding (false: kept as received). */
  responseBodyDecoded?: boolean;
  responseBodyBytes: number;
  /** `responseBodyBytes` is only the bytes read: the answer declared no size and was cut at the read limit. */
  responseBodySizeUnknown?: boolean;
  signedString: string | null;
  /**
   * The request was never written (the engine stopped before its connection was ready, or it could not be built or
   * signed): the attempt logs no request headers, and its claim no longer stands for the origin's latest request
   * (`lastRequest`).
   */
  unsent?: boolean;
  /**
   * With `unsent`: the row's claim before this attempt's, which stands again — a crashed engine's attempt, reclaimed,
   * may have sent its request then.
   */
  claimBeforeMs?: number | null;
}

const TERMINAL: DeliveryState[] = ['succeeded', 'failed', 'cancelled', 'disabled'];
const IN_TERMINAL = `state IN (${TERMINAL.map(() => '?').join(', ')}) AND bulk_job_id IS NULL`;
/** An attempt still out for a row cancelled or disabled meanwhile: its lease is held until the outcome is logged. */
const SENDING = 'lease_owner IS NOT NULL AND lease_until_ms >= ?';
/**
 * An attempt out, whatever the row's state says now: in flight, or cancelled or disabled meanwhile. Its outcome (or its
 * interruption, once the lease ends) is still to be logged.
 */
const LEASED = 'lease_owner IS NOT NULL';
/**
 * A finished delivery the delivery log may delete: a bulk send counts its progress from its own, and one whose attempt
 * is still out would lose that attempt's outcome. Binds `finishedParams`.
 */
const FINISHED_OUTSIDE_BULK = `${IN_TERMINAL} AND NOT (${SENDING})`;
const finishedParams = (nowMs: number): unknown[] => [...TERMINAL, nowMs];
export const isTerminal = (state: DeliveryState): boolean => TERMINAL.includes(state);

export function policyOptionsOf(row: DeliveryRow): PolicyOptions {
  return JSON.parse(row.policy_json) as PolicyOptions;
}

export function toSummary(row: DeliveryRow): DeliverySummary {
  return {
    id: row.id,
    uid: row.uid,
    createdAtMs: row.created_at_ms,
    name: row.name,
    type: row.type,
    policy: row.policy,
    state: row.state,
    method: row.method,
    url: row.url,
    webhookId: row.webhook_id,
    bulkJobId: row.bulk_job_id,
    bulkRow: row.bulk_row,
    attempts: row.attempts,
    maxAttempts: row.policy_offset + maxAttempts(policySpec(row.policy, policyOptionsOf(row))),
    nextAttemptAtMs: row.state === 'pending' ? row.next_attempt_at_ms : null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastDurationMs: row.last_duration_ms,
    lastAttemptAtMs: row.last_attempt_at_ms,
    lastResponsePreview: row.last_response_preview,
  };
}

function toAttempt(row: AttemptRowDb): DeliveryAttempt {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    attemptNo: row.attempt_no,
    startedAtMs: row.started_at_ms,
    durationMs: row.duration_ms,
    status: row.status,
    error: row.error,
    outcome: row.outcome,
    nextWaitMs: row.next_wait_ms,
    scheduleWaitMs: row.schedule_wait_ms,
    manual: row.manual === 1,
    requestHeaders: JSON.parse(row.request_headers_json) as HeaderPair[],
    responseHeaders: JSON.parse(row.response_headers_json) as HeaderPair[],
    responseBodyBase64: row.response_body.toString('base64'),
    responseBodyDecoded: row.response_body_decoded === null ? null : row.response_body_decoded === 1,
    responseBodyBytes: row.response_body_bytes,
    responseBodySizeUnknown: row.response_body_size_unknown === 1,
    signedString: row.signed_string,
  };
}

/**
 * `attempt`: the log lists attempts (joined as this alias), so its text search looks at each attempt's own response
 * and error, not only the delivery's latest, and its date range at when each attempt started.
 */
function whereFor(
  filter: DeliveryFilter | undefined,
  alias = 'd',
  attempt?: string,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[] | undefined) => {
    if (!values?.length) return;
    parts.push(`${alias}.${column} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  inList('state', filter?.states);
  inList('type', filter?.types);
  inList('policy', filter?.policies);
  const add = (sql: string, value: unknown) => {
    if (value === undefined) return;
    parts.push(sql);
    params.push(value);
  };
  add(`${alias}.webhook_id = ?`, filter?.webhookId);
  add(`${alias}.bulk_job_id = ?`, filter?.bulkJobId);
  // The log's rows are attempts dated by when each started: a retry today of yesterday's delivery is today's row.
  const dated = attempt ? `${attempt}.started_at_ms` : `${alias}.created_at_ms`;
  add(`${dated} >= ?`, filter?.fromMs);
  add(`${dated} <= ?`, filter?.toMs);
  if (filter?.unattempted) parts.push(`${alias}.attempts = 0`);
  if (filter?.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const outcome = attempt
      ? [`CAST(${attempt}.response_body AS TEXT)`, `${attempt}.error`]
      : [`${alias}.last_response_preview`, `${alias}.last_error`];
    const columns = [`${alias}.url`, `${alias}.name`, `${alias}.uid`, ...outcome];
    parts.push(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...columns.map(() => like));
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** All SQL of the delivery queue. Every state change is one transaction, so a crash leaves rows consistent. */
export class DeliveryStore {
  private readonly statements = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  /** Prepared statements are cached: preparing dominated the queue's CPU time. */
  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(source, (statement = this.db.prepare(source)));
    }
    return statement;
  }

  insert(d: NewDelivery, nowMs: number): DeliveryRow {
    const info = this.sql(
      `INSERT INTO deliveries (uid, created_at_ms, name, type, policy, policy_json, state, method, url, origin, headers_json, body,
           signing_json, time_scale, timeout_ms, rate_per_minute, concurrency, webhook_id, bulk_job_id, bulk_row, next_attempt_at_ms)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      d.uid,
      d.createdAtMs,
      d.name,
      d.type,
      d.policy,
      JSON.stringify(d.policyOptions),
      d.state,
      d.method,
      d.url,
      new URL(d.url).origin,
      JSON.stringify(d.headers),
      d.body,
      d.signing ? JSON.stringify(d.signing) : null,
      d.timeScale,
      d.timeoutMs,
      d.ratePerMinute,
      d.concurrency,
      d.webhookId,
      d.bulkJobId,
      d.bulkRow,
      nowMs,
    );
    return this.row(Number(info.lastInsertRowid))!;
  }

  row(id: number): DeliveryRow | undefined {
    return this.sql('SELECT * FROM deliveries WHERE id = ?').get(id) as DeliveryRow | undefined;
  }

  detail(id: number): DeliveryDetail | undefined {
    const row = this.row(id);
    if (!row) return undefined;
    const attempts = this.sql(
      'SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt_no',
    ).all(id) as AttemptRowDb[];
    return {
      ...toSummary(row),
      headers: JSON.parse(row.headers_json) as HeaderPair[],
      bodyBase64: row.body.toString('base64'),
      timeScale: row.time_scale,
      timeoutMs: row.timeout_ms,
      customWaitsMs: policyOptionsOf(row).customWaitsMs ?? null,
      attemptList: attempts.map(toAttempt),
    };
  }

  /** Due rows of one destination, oldest first (index deliveries_origin_due). */
  dueFor(origin: string, nowMs: number, limit: number): DueRow[] {
    return this.sql(
      `SELECT id, origin, rate_per_minute, concurrency, timeout_ms, claimed_at_ms FROM deliveries
         WHERE state = 'pending' AND origin = ? AND next_attempt_at_ms <= ? ORDER BY next_attempt_at_ms, id LIMIT ?`,
    ).all(origin, nowMs, limit) as DueRow[];
  }

  /**
   * When the latest request to a destination started, and the rate its delivery was limited to (seeds its rate gate
   * after a restart): the latest logged attempt that sent one, or the latest claim, whose request may have gone out
   * before a crash left its outcome unknown. An attempt that logged no request headers sent nothing (every request
   * carries X-Hookscope-Delivery): the interrupted attempt a reclaim records, dated by its claim when known (counted
   * through the claim), else by the reclaim, the attempt the engine stopped before its connection was ready, or one whose
   * request could not be built or signed (their claims give way to the claim before theirs as
   * they are logged). Deleted rows keep theirs in `delivery_origin_last_request` (`deleteWithAttempts`).
   */
  lastRequest(origin: string): { atMs: number; ratePerMinute: number | null } | null {
    // A bare column beside MAX() is read from the row holding the maximum (SQLite).
    const row = this.sql(
      `SELECT at, rate FROM (
         SELECT MAX(a.started_at_ms) AS at, d.rate_per_minute AS rate FROM delivery_attempts a
           JOIN deliveries d ON d.id = a.delivery_id WHERE d.origin = ? AND a.request_headers_json <> '[]'
         UNION ALL SELECT MAX(claimed_at_ms), rate_per_minute FROM deliveries WHERE origin = ?
         UNION ALL SELECT at_ms, rate_per_minute FROM delivery_origin_last_request WHERE origin = ?)
       WHERE at IS NOT NULL ORDER BY at DESC LIMIT 1`,
    ).get(origin, origin, origin) as { at: number; rate: number | null } | undefined;
    return row ? { atMs: row.at, ratePerMinute: row.rate } : null;
  }

  hasPending(origin: string): boolean {
    return (
      this.sql(`SELECT 1 FROM deliveries WHERE state = 'pending' AND origin = ? LIMIT 1`).get(origin) !==
      undefined
    );
  }

  /** Destinations with queued rows (a full scan: only at start and when rows appear that this process did not add). */
  pendingOrigins(): string[] {
    return (
      this.sql(`SELECT DISTINCT origin FROM deliveries WHERE state = 'pending'`).all() as Array<{
        origin: string;
      }>
    ).map((r) => r.origin);
  }

  /** Whether anything is due now (index deliveries_due). */
  anyDue(nowMs: number): boolean {
    return (
      this.sql(`SELECT 1 FROM deliveries WHERE state = 'pending' AND next_attempt_at_ms <= ? LIMIT 1`).get(
        nowMs,
      ) !== undefined
    );
  }

  nextDueAt(): number | null {
    const r = this.sql(
      `SELECT MIN(next_attempt_at_ms) AS at FROM deliveries WHERE state = 'pending'`,
    ).get() as { at: number | null };
    return r.at;
  }

  /**
   * The earliest due time after `nowMs` (index deliveries_due). Rows already due but held back wait for their gate's
   * own wake-up or for an attempt to end, so they must not stand for a later row's due time.
   */
  nextDueAfter(nowMs: number): number | null {
    return this.sql(
      `SELECT MIN(next_attempt_at_ms) FROM deliveries WHERE state = 'pending' AND next_attempt_at_ms > ?`,
    )
      .pluck()
      .get(nowMs) as number | null;
  }

  /**
   * Earliest lease expiry of rows another process holds, and (with `ownRunning`) of rows `owner` holds but no longer
   * runs: an attempt whose outcome could not be written (a full disk) would otherwise stay in flight until a restart.
   */
  nextLeaseExpiry(owner: string, ownRunning?: { has(id: number): boolean }): number | null {
    if (!ownRunning) {
      const r = this.sql(
        `SELECT MIN(lease_until_ms) AS at FROM deliveries WHERE ${LEASED} AND lease_owner IS NOT ?`,
      ).get(owner) as { at: number | null };
      return r.at;
    }
    let at: number | null = null;
    for (const r of this.inFlightLeases())
      if ((r.lease_owner !== owner || !ownRunning.has(r.id)) && r.lease_until_ms !== null)
        at = at === null ? r.lease_until_ms : Math.min(at, r.lease_until_ms);
    return at;
  }

  private inFlightLeases(): Array<Pick<DeliveryRow, 'id' | 'lease_owner' | 'lease_until_ms'>> {
    return this.sql(`SELECT id, lease_owner, lease_until_ms FROM deliveries WHERE ${LEASED}`).all() as Array<
      Pick<DeliveryRow, 'id' | 'lease_owner' | 'lease_until_ms'>
    >;
  }

  /**
   * Atomically take a due row; undefined when another worker (or process) got it first. `startedAtMs`: when its attempt
   * starts, kept so that a crash mid-attempt can still say when the request went out.
   */
  claim(
    id: number,
    owner: string,
    nowMs: number,
    leaseUntilMs: number,
    startedAtMs = nowMs,
  ): DeliveryRow | undefined {
    return this.sql(
      `UPDATE deliveries SET state = 'in_flight', lease_owner = ?, lease_until_ms = ?, claimed_at_ms = ?
         WHERE id = ? AND state = 'pending' AND next_attempt_at_ms <= ? RETURNING *`,
    ).get(owner, leaseUntilMs, startedAtMs, id, nowMs) as DeliveryRow | undefined;
  }

  /**
   * Rows left in flight by a process that stopped mid-attempt (lease expired): the attempt's outcome is unknown,
   * so it is logged as interrupted and the row is due again at once. With `ownRunning`, also rows `owner` holds
   * but no longer runs (their outcome could not be written).
   */
  reclaimExpired(nowMs: number, owner: string, ownRunning?: { has(id: number): boolean }): number[] {
    const tx = this.db.transaction(() => {
      const rows = (
        this.sql(`SELECT * FROM deliveries WHERE ${LEASED} AND lease_until_ms < ?`).all(
          nowMs,
        ) as DeliveryRow[]
      ).filter((row) => row.lease_owner !== owner || (ownRunning && !ownRunning.has(row.id)));
      for (const row of rows) {
        // Its bulk send paused or stopped while the attempt was out: held or cancelled, as a retry would be.
        const state = this.retryState(row);
        this.recordAttempt(
          {
            deliveryId: row.id,
            attemptNo: row.attempts + 1,
            // Its request went out about when it was claimed (rows claimed before that was kept: unknown, so now).
            startedAtMs: row.claimed_at_ms ?? nowMs,
            durationMs: 0,
            status: null,
            error:
              row.lease_owner === owner
                ? 'interrupted: the outcome of this attempt could not be recorded (the database refused the write)'
                : 'interrupted: the engine stopped during this attempt; its outcome is unknown',
            outcome: 'interrupted',
            // No wait was planned: due again at once, whenever an engine runs.
            nextWaitMs: null,
            manual: row.retry_now === 1,
            requestHeaders: [],
            responseHeaders: [],
            responseBody: Buffer.alloc(0),
            responseBodyBytes: 0,
            signedString: null,
          },
          {
            state,
            nextAttemptAtMs: nowMs,
            // Cancelled or disabled while the attempt was out: it ended then, and says why, as `finish` keeps it.
            finishedAtMs:
              state === 'cancelled' || state === 'disabled' ? (row.finished_at_ms ?? nowMs) : null,
            countsForPolicy: false,
            lastError: state === 'disabled' && row.state === 'disabled' ? row.last_error : undefined,
          },
        );
      }
      return rows.map((r) => r.id);
    });
    return tx();
  }

  /**
   * Log one attempt and move the delivery on, in one transaction; only the lease holder may finish it. A row cancelled
   * or disabled while the attempt was out keeps that state whatever the attempt did — a final failure, or even a
   * success: the attempt log shows the request reached the target, the row shows the user's (or the 410's) decision.
   */
  finish(
    record: AttemptRecord,
    owner: string,
    next: { state: DeliveryState; nextAttemptAtMs: number | null; finishedAtMs: number | null },
    countsForPolicy = true,
  ): boolean {
    const tx = this.db.transaction(() => {
      const row = this.row(record.deliveryId);
      if (!row || row.lease_owner !== owner) return false;
      const state =
        row.state === 'cancelled' || row.state === 'disabled'
          ? row.state
          : next.state === 'pending'
            ? this.retryState(row)
            : next.state;
      const endedWhileOut = state === 'cancelled' || (state === 'disabled' && row.state === 'disabled');
      const finishedAtMs = endedWhileOut
        ? (row.finished_at_ms ?? record.startedAtMs + record.durationMs)
        : next.finishedAtMs;
      // Disabled by another delivery's 410 while this attempt was out: the row keeps saying why it stopped.
      const lastError = state === 'disabled' && row.state === 'disabled' ? row.last_error : record.error;
      this.recordAttempt(record, { ...next, state, finishedAtMs, countsForPolicy, lastError });
      return true;
    });
    return tx();
  }

  /**
   * Where a retry goes when its attempt ends. What happened while the request was in flight wins: a cancel, its URL
   * disabled by another delivery's 410, or its bulk
   * send paused (held until resumed) or stopped (cancelled) — pause and stop move only the rows not in flight.
   */
  private retryState(row: DeliveryRow): DeliveryState {
    if (row.state === 'cancelled' || row.state === 'disabled') return row.state;
    if (row.bulk_job_id === null) return 'pending';
    const job = this.sql('SELECT state FROM bulk_jobs WHERE id = ?').pluck().get(row.bulk_job_id);
    if (job === 'paused') return 'held';
    if (job === 'stopped') return 'cancelled';
    return 'pending';
  }

  private recordAttempt(
    r: AttemptRecord,
    next: {
      state: DeliveryState;
      nextAttemptAtMs: number | null;
      finishedAtMs: number | null;
      countsForPolicy: boolean;
      /** The delivery's own `last_error`, when it is not this attempt's. */
      lastError?: string | null;
    },
  ): void {
    this.sql(
      `INSERT INTO delivery_attempts (delivery_id, attempt_no, started_at_ms, duration_ms, status, error, outcome, next_wait_ms,
           schedule_wait_ms, manual, request_headers_json, response_headers_json, response_body, response_body_decoded,
           response_body_bytes, response_body_size_unknown, signed_string)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      r.deliveryId,
      r.attemptNo,
      r.startedAtMs,
      r.durationMs,
      r.status,
      r.error,
      r.outcome,
      r.nextWaitMs,
      r.scheduleWaitMs ?? null,
      r.manual ? 1 : 0,
      JSON.stringify(r.requestHeaders),
      JSON.stringify(r.responseHeaders),
      r.responseBody,
      r.responseBodyDecoded ? 1 : 0,
      r.responseBodyBytes,
      r.responseBodySizeUnknown ? 1 : 0,
      r.signedString,
    );
    this.sql(
      `UPDATE deliveries SET attempts = attempts + 1, policy_offset = policy_offset + ?, state = ?, next_attempt_at_ms = ?,
           lease_owner = NULL, lease_until_ms = NULL, last_status = ?, last_error = ?, last_duration_ms = ?,
           last_attempt_at_ms = ?, last_response_preview = ?, finished_at_ms = ?,
           retry_now = CASE WHEN ? = 'interrupted' THEN retry_now ELSE 0 END, claimed_at_ms = CASE WHEN ? THEN ? ELSE claimed_at_ms END
         WHERE id = ?`,
    ).run(
      next.countsForPolicy ? 0 : 1,
      next.state,
      next.nextAttemptAtMs,
      r.status,
      next.lastError === undefined ? r.error : next.lastError,
      r.durationMs,
      r.startedAtMs,
      responsePreview(r.responseBody, r.responseHeaders, r.responseBodyBytes),
      next.finishedAtMs,
      r.outcome,
      r.unsent ? 1 : 0,
      r.claimBeforeMs ?? null,
      r.deliveryId,
    );
  }

  /**
   * Deletes up to `limit` finished deliveries that are not part of a bulk send (finished before `beforeMs` if given),
   * with their attempts; returns how many.
   */
  clearFinished(beforeMs: number | null, limit: number, nowMs: number): number {
    const ids = this.sql(
      `SELECT id FROM deliveries WHERE ${FINISHED_OUTSIDE_BULK} AND (? IS NULL OR finished_at_ms < ?) ORDER BY id LIMIT ?`,
    )
      .pluck()
      .all(...finishedParams(nowMs), beforeMs, beforeMs, limit) as number[];
    return this.deleteWithAttempts(ids);
  }

  /** Finished deliveries (before `beforeMs` if given) `clearFinished` keeps because their attempt is still out. */
  countFinishedSending(beforeMs: number | null, nowMs: number): number {
    return this.sql(
      `SELECT COUNT(*) FROM deliveries WHERE ${IN_TERMINAL} AND ${SENDING} AND (? IS NULL OR finished_at_ms < ?)`,
    )
      .pluck()
      .get(...TERMINAL, nowMs, beforeMs, beforeMs) as number;
  }

  /**
   * Deletes up to `limit` of the oldest finished deliveries (not a bulk send's) beyond the newest `keep` of them, with
   * their attempts; returns how many.
   */
  clearFinishedBeyond(keep: number, limit: number, nowMs: number): number {
    const newestToDelete = this.sql(
      `SELECT id FROM deliveries WHERE ${FINISHED_OUTSIDE_BULK} ORDER BY id DESC LIMIT 1 OFFSET ?`,
    )
      .pluck()
      .get(...finishedParams(nowMs), keep) as number | undefined;
    if (newestToDelete === undefined) return 0;
    const ids = this.sql(
      `SELECT id FROM deliveries WHERE ${FINISHED_OUTSIDE_BULK} AND id <= ? ORDER BY id LIMIT ?`,
    )
      .pluck()
      .all(...finishedParams(nowMs), newestToDelete, limit) as number[];
    return this.deleteWithAttempts(ids);
  }

  /** Deletes up to `limit` of a bulk send's deliveries with their attempts; returns how many. */
  deleteOfBulk(jobId: number, limit: number): number {
    const ids = this.sql('SELECT id FROM deliveries WHERE bulk_job_id = ? ORDER BY id LIMIT ?')
      .pluck()
      .all(jobId, limit) as number[];
    return this.deleteWithAttempts(ids);
  }

  private deleteWithAttempts(ids: number[]): number {
    if (ids.length === 0) return 0;
    const list = `(${ids.join(',')})`;
    this.db.transaction(() => {
      // The rate gate's restart reference (lastRequest) outlives the rows: kept per origin, the latest of them.
      this.db
        .prepare(
          `INSERT INTO delivery_origin_last_request (origin, at_ms, rate_per_minute)
             SELECT origin, at, rate FROM (
               SELECT d.origin AS origin, MAX(a.started_at_ms) AS at, d.rate_per_minute AS rate FROM delivery_attempts a
                 JOIN deliveries d ON d.id = a.delivery_id
                 WHERE d.id IN ${list} AND a.request_headers_json <> '[]' GROUP BY d.origin
               UNION ALL SELECT origin, MAX(claimed_at_ms), rate_per_minute FROM deliveries WHERE id IN ${list} GROUP BY origin)
             WHERE at IS NOT NULL
           ON CONFLICT (origin) DO UPDATE SET at_ms = excluded.at_ms, rate_per_minute = excluded.rate_per_minute
             WHERE excluded.at_ms > delivery_origin_last_request.at_ms`,
        )
        .run();
      this.db.prepare(`DELETE FROM delivery_attempts WHERE delivery_id IN ${list}`).run();
      this.db.prepare(`DELETE FROM deliveries WHERE id IN ${list}`).run();
    })();
    return ids.length;
  }

  /**
   * Forgets the restart references (`delivery_origin_last_request`) no rate gate can still be held back by: older than
   * one spacing of their own rate, of the strictest rate among the origin's stored deliveries (any of them may be sent
   * again) and `unknownRateMs` (a delivery not queued yet may bring any rate). Returns how many.
   */
  pruneOriginReferences(nowMs: number, unknownRateMs: number): number {
    const states = deliveryState.options;
    return this.sql(
      `DELETE FROM delivery_origin_last_request AS o WHERE o.at_ms + MAX(?,
         COALESCE(60000.0 / o.rate_per_minute, 0),
         COALESCE((SELECT 60000.0 / MIN(d.rate_per_minute) FROM deliveries d
           WHERE d.state IN (${states.map(() => '?').join(', ')}) AND d.origin = o.origin), 0)) <= ?`,
    ).run(unknownRateMs, ...states, nowMs).changes;
  }

  cancel(id: number, nowMs: number): DeliveryRow | undefined {
    this.sql(
      `UPDATE deliveries SET state = 'cancelled', finished_at_ms = ? WHERE id = ? AND state IN ('pending', 'held', 'in_flight')`,
    ).run(nowMs, id);
    return this.row(id);
  }

  /**
   * Due now, marked as started by hand. `restart`: the policy's schedule starts again after the attempts so far (a
   * finished delivery with no attempts left in it); otherwise it goes on where it was.
   */
  retryNow(id: number, nowMs: number, restart: boolean): DeliveryRow | undefined {
    this.sql(
      `UPDATE deliveries SET next_attempt_at_ms = ?, retry_now = 1,
           policy_offset = CASE WHEN ? THEN attempts ELSE policy_offset END,
           state = 'pending', finished_at_ms = NULL
         WHERE id = ? AND state <> 'in_flight'`,
    ).run(nowMs, restart ? 1 : 0, id);
    return this.row(id);
  }

  /**
   * Standard Webhooks: a 410 disables the endpoint, so other standard deliveries to that URL stop too. One in flight
   * keeps its lease: its attempt's outcome is still logged, and a retry it asks for ends disabled (retryState).
   */
  disableUrl(url: string, nowMs: number): number[] {
    const ids = this.sql(
      `SELECT id FROM deliveries WHERE url = ? AND policy = 'standard' AND state IN ('pending', 'held', 'in_flight')`,
    ).all(url) as Array<{ id: number }>;
    this.sql(
      `UPDATE deliveries SET state = 'disabled', finished_at_ms = ?, last_error = 'endpoint disabled by HTTP 410' WHERE url = ? AND policy = 'standard' AND state IN ('pending', 'held', 'in_flight')`,
    ).run(nowMs, url);
    return ids.map((r) => r.id);
  }

  list(
    filter: DeliveryFilter | undefined,
    cursor: number | null | undefined,
    limit: number,
  ): { items: DeliverySummary[]; nextCursor: number | null } {
    const where = whereFor(filter);
    const rows = this.sql(
      `SELECT * FROM deliveries d WHERE ${where.sql} ${cursor != null ? 'AND d.id < ?' : ''} ORDER BY d.id DESC LIMIT ?`,
    ).all(...where.params, ...(cursor != null ? [cursor] : []), limit + 1) as DeliveryRow[];
    const page = rows.slice(0, limit);
    return { items: page.map(toSummary), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  log(
    filter: DeliveryFilter | undefined,
    cursor: number | null | undefined,
    limit: number,
  ): { items: LogRow[]; nextCursor: number | null } {
    const where = whereFor(filter, 'd', 'a');
    const rows = this.sql(
      `SELECT a.id AS attempt_id, a.delivery_id, d.method, d.url, a.status, a.started_at_ms, a.response_body,
           a.response_body_bytes, a.response_headers_json, a.duration_ms,
           a.attempt_no, d.name, d.webhook_id, d.type, a.outcome, a.error, d.bulk_job_id, d.bulk_row
         FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
         WHERE ${where.sql} ${cursor != null ? 'AND a.id < ?' : ''} ORDER BY a.id DESC LIMIT ?`,
    ).all(...where.params, ...(cursor != null ? [cursor] : []), limit + 1) as Array<{
      attempt_id: number;
      delivery_id: number;
      method: string;
      url: string;
      status: number | null;
      started_at_ms: number;
      response_body: Buffer;
      response_body_bytes: number;
      response_headers_json: string;
      duration_ms: number;
      attempt_no: number;
      name: string;
      webhook_id: number | null;
      type: DeliveryType;
      outcome: LogRow['outcome'];
      error: string | null;
      bulk_job_id: number | null;
      bulk_row: number | null;
    }>;
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        attemptId: r.attempt_id,
        deliveryId: r.delivery_id,
        request: `${r.method} ${r.url}`,
        responseCode: r.status,
        dateMs: r.started_at_ms,
        responseData: responsePreview(
          r.response_body,
          JSON.parse(r.response_headers_json) as HeaderPair[],
          r.response_body_bytes,
        ),
        durationMs: r.duration_ms,
        attempt: r.attempt_no,
        name: r.name,
        webhookId: r.webhook_id,
        type: r.type,
        outcome: r.outcome,
        error: r.error,
        bulkJobId: r.bulk_job_id,
        bulkRow: r.bulk_row,
      })),
      nextCursor: rows.length > limit ? (page.at(-1)?.attempt_id ?? null) : null,
    };
  }

  countsForBulk(jobId: number): Record<DeliveryState, number> {
    const counts: Record<DeliveryState, number> = {
      pending: 0,
      in_flight: 0,
      held: 0,
      succeeded: 0,
      failed: 0,
      cancelled: 0,
      disabled: 0,
    };
    const rows = this.sql(
      'SELECT state, COUNT(*) AS n FROM deliveries WHERE bulk_job_id = ? GROUP BY state',
    ).all(jobId) as Array<{ state: DeliveryState; n: number }>;
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  setBulkState(jobId: number, from: DeliveryState[], to: DeliveryState, nowMs: number): number[] {
    const ids = this.sql(
      `SELECT id FROM deliveries WHERE bulk_job_id = ? AND state IN (${from.map(() => '?').join(',')})`,
    ).all(jobId, ...from) as Array<{ id: number }>;
    this.sql(
      `UPDATE deliveries SET state = ?, finished_at_ms = CASE WHEN ? IN ('cancelled') THEN ? ELSE finished_at_ms END
         WHERE bulk_job_id = ? AND state IN (${from.map(() => '?').join(',')})`,
    ).run(to, to, nowMs, jobId, ...from);
    return ids.map((r) => r.id);
  }
}
