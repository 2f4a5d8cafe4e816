import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HeaderPair } from '../../shared/contract/captures';
import { replaceHeaders } from '../../shared/send/replace-headers';
import type { SigningConfig } from '../../shared/send/signing-config';
import { signRequest } from '../signing/sign';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import {
  DeliveryStore,
  policyOptionsOf,
  type DeliveryRow,
  type DueRow,
  type NewDelivery,
} from './delivery-store';
import { createHttpSender, unsentAttempt, type HttpSender } from './http-attempt';
import { RateGates } from './rate-gate';
import { decide, parseRetryAfter, policySpec, type Decision } from './retry-policy';

export const DELIVERY_HEADER = 'X-Hookscope-Delivery';
const LEASE_MARGIN_MS = 30_000;
const DUE_PAGE = 32;
/** How soon the queue looks again after its own timer work threw (a locked or failing database). */
const RETRY_AFTER_ERROR_MS = 1_000;
const NOT_SENT_AT_CLOSE =
  'interrupted: the engine was closing before the connection was ready; the request was not sent';

export interface QueueOptions {
  db: Database.Database;
  clock: Clock;
  log: Logger;
  send?: HttpSender;
  /** Called (batched per event-loop turn) with the ids of deliveries whose state changed. */
  onChange?: (ids: number[]) => void;
  /** Attempts in flight across all destinations. */
  maxInFlight?: number;
  /** Per-origin defaults when a delivery sets none. */
  defaultConcurrency?: number;
  /** Headers the target's host needs on every attempt (the tunnel's bypass-tunnel-reminder); logged as sent. */
  headersForTarget?: (url: string, headers: HeaderPair[]) => HeaderPair[];
}

/** A row claimed for an attempt in the pump's transaction, with the gate slot it took. */
interface Claimed {
  row: DeliveryRow;
  limits: { concurrency: number | undefined; ratePerMinute: number | undefined };
  /** Its slot was taken until its request is written (rate-gate.ts). */
  awaitingWrite: boolean;
  /** The row's claim before this one (DeliveryStore's `claimBeforeMs`). */
  claimBeforeMs: number | null;
}

export const newUid = (): string => `dlv_${randomBytes(12).toString('base64url')}`;

/**
 * The persisted delivery queue. Rows are claimed with a lease in one UPDATE, so two engines over the same database
 * never send the same attempt twice; rows a stopped engine left in flight are reclaimed once their lease expires.
 */
export class DeliveryQueue {
  readonly store: DeliveryStore;
  private readonly owner = `q_${randomBytes(8).toString('hex')}`;
  private readonly gates: RateGates;
  private readonly send: HttpSender;
  private readonly running = new Map<number, Promise<void>>();
  /** Attempts holding their origin's rate slot until their request is written (rate-gate.ts). */
  private readonly unwritten = new Set<number>();
  /** Destinations that may have queued rows. */
  private readonly origins = new Set<string>();
  private readonly abort = new AbortController();
  private readonly changed = new Set<number>();
  private idleWaiters: Array<() => void> = [];
  private wake: { at: number; timer: { cancel(): void } } | null = null;
  private started = false;
  private closing = false;
  private flushScheduled = false;
  private pumpScheduled = false;
  private commits: Array<{ run: () => void; resolve: () => void; reject: (error: unknown) => void }> = [];

  constructor(private readonly options: QueueOptions) {
    this.store = new DeliveryStore(options.db);
    this.gates = new RateGates(
      { concurrency: options.defaultConcurrency ?? 10, ratePerMinute: null },
      (origin) => this.store.lastRequest(origin),
    );
    this.send = options.send ?? createHttpSender();
  }

  start(): void {
    this.started = true;
    this.closing = false;
    // Reclaim first, so the origins of rows a crashed engine left in flight are tracked with the rest.
    this.markChanged(this.store.reclaimExpired(this.options.clock.now(), this.owner, this.running));
    for (const origin of this.store.pendingOrigins()) this.origins.add(origin);
    this.pump();
  }

  enqueue(delivery: NewDelivery): DeliveryRow {
    const row = this.store.insert(delivery, this.options.clock.now());
    this.origins.add(row.origin);
    this.markChanged([row.id]);
    this.pumpCommitted();
    return row;
  }

  /**
   * Pump after the caller's change is committed: a claim that then fails (a locked or full database) must not turn
   * into an error for a change that stands — the row is queued and a later pump sends it.
   */
  private pumpCommitted(): void {
    this.guarded('pump', () => this.pump());
  }

  /** Wake the queue after rows changed outside `enqueue` (retry-now, bulk resume). */
  poke(ids: number[] = []): void {
    for (const id of ids) {
      const origin = this.store.row(id)?.origin;
      if (origin) this.origins.add(origin);
    }
    this.markChanged(ids);
    this.pumpCommitted();
  }

  /** Log the attempts whose lease has ended as interrupted and make their rows due: rows left by a stopped engine. */
  reclaimEnded(): void {
    this.poke(this.store.reclaimExpired(this.options.clock.now(), this.owner, this.running));
  }

  /** Rows were inserted for this destination outside `enqueue` (bulk batches). */
  track(origin: string): void {
    this.origins.add(origin);
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** Resolves when no attempt of this process is in flight. */
  whenIdle(): Promise<void> {
    return this.running.size === 0
      ? Promise.resolve()
      : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stop claiming; give in-flight attempts `graceMs` to finish, then interrupt them (they stay due for the next start). */
  async close(graceMs = 5_000): Promise<void> {
    this.closing = true;
    this.wake?.timer.cancel();
    this.wake = null;
    if (this.running.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.all(this.running.values()), grace]);
      clearTimeout(timer);
      if (this.running.size > 0) this.abort.abort();
      await Promise.all(this.running.values());
    }
    this.flush();
  }

  private pump(): void {
    if (!this.started || this.closing) return;
    const clock = this.options.clock;
    const now = clock.now();
    const maxInFlight = this.options.maxInFlight ?? 256;
    // Due rows are looked up per destination, so a busy origin never hides the others behind its backlog.
    // One transaction for all of this pump's claims; their attempts start only once it committed, as a failed COMMIT
    // (a full disk, a busy database) rolls the claims back and the rows would be claimed, and sent, again.
    const claimed: Claimed[] = [];
    try {
      this.options.db.transaction(() => {
        for (const origin of [...this.origins]) {
          if (this.running.size + claimed.length >= maxInFlight) break;
          const free = this.gates.available(origin);
          if (free === 0) continue;
          const limit = Math.min(
            DUE_PAGE,
            free ?? DUE_PAGE,
            maxInFlight - this.running.size - claimed.length,
          );
          const page = this.store.dueFor(origin, now, limit);
          if (page.length === 0 && !this.store.hasPending(origin)) this.origins.delete(origin);
          this.claimDue(page, now, maxInFlight, claimed);
        }
      })();
    } catch (error) {
      for (const c of claimed) this.gates.release(c.row.origin, c.limits, true);
      throw error;
    }
    for (const c of claimed) this.launch(c);
    const started = claimed.length;
    // Rows another process queued are unknown here until a wake-up finds due work that no known origin explains.
    if (
      started === 0 &&
      this.running.size < maxInFlight &&
      this.store.anyDue(now) &&
      !this.anyKnownDue(now)
    ) {
      const before = this.origins.size;
      for (const origin of this.store.pendingOrigins()) this.origins.add(origin);
      if (this.origins.size > before) return this.pump();
    }
    const next = this.store.nextDueAfter(now);
    if (next !== null) this.scheduleWake(next);
    const lease = this.store.nextLeaseExpiry(this.owner, this.running);
    if (lease !== null) this.scheduleWake(lease + 1, () => this.reclaimEnded());
  }

  private anyKnownDue(now: number): boolean {
    for (const origin of this.origins) if (this.store.dueFor(origin, now, 1).length > 0) return true;
    return false;
  }

  /** Claim one origin's due rows until its gate closes, adding them to `claimed` (their attempts not started yet). */
  private claimDue(page: DueRow[], now: number, maxInFlight: number, claimed: Claimed[]): void {
    for (const due of page) {
      if (this.running.size + claimed.length >= maxInFlight) break;
      if (this.running.has(due.id)) continue;
      const limits = {
        concurrency: due.concurrency ?? undefined,
        ratePerMinute: due.rate_per_minute ?? undefined,
      };
      // The clock as the attempt starts, not as the pump did: a slow pump would otherwise space attempts too close.
      const at = this.options.clock.now();
      const wait = this.gates.tryAcquire(due.origin, limits, at, true);
      if (wait > 0) {
        if (Number.isFinite(wait)) this.scheduleWake(at + wait);
        break;
      }
      const row = this.store.claim(due.id, this.owner, now, now + due.timeout_ms + LEASE_MARGIN_MS, at);
      if (!row) {
        this.gates.release(due.origin, limits, true);
        continue;
      }
      claimed.push({
        row,
        limits,
        awaitingWrite: this.gates.awaitingWrite(row.origin),
        claimBeforeMs: due.claimed_at_ms,
      });
    }
  }

  /** Start the attempt of a row whose claim is committed. */
  private launch({ row, limits, awaitingWrite, claimBeforeMs }: Claimed): void {
    if (awaitingWrite) this.unwritten.add(row.id);
    let unbuilt = false;
    const task = this.attempt(row, claimBeforeMs)
      .then((sentNothing) => void (unbuilt = sentNothing))
      .catch((error: unknown) =>
        this.options.log.error('delivery attempt crashed', { id: row.id, error: String(error) }),
      )
      .finally(() => {
        if (this.unwritten.delete(row.id)) this.gates.written(row.origin, null);
        // A request that could not be built never reached the network: its rate slot is given back.
        this.gates.release(row.origin, limits, unbuilt);
        this.running.delete(row.id);
        // A pump meanwhile forgot the origin if this row was its only one: a retry (or an interrupted attempt) makes
        // it pending again, and another origin's due backlog would keep the fallback lookup from finding it.
        this.origins.add(row.origin);
        if (this.running.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        this.schedulePump();
      });
    this.running.set(row.id, task);
  }

  /** The next rate slot of the origin waited for this request to be written: it may open now. */
  private requestWritten(row: DeliveryRow): void {
    if (!this.unwritten.delete(row.id)) return;
    this.gates.written(row.origin, this.options.clock.now());
    this.schedulePump();
  }

  private scheduleWake(at: number, before?: () => void): void {
    if (this.wake && this.wake.at <= at) return;
    this.wake?.timer.cancel();
    const timer = this.options.clock.setTimeout(
      () =>
        this.guarded('wake', () => {
          this.wake = null;
          before?.();
          this.pump();
        }),
      Math.max(0, at - this.options.clock.now()),
    );
    this.wake = { at, timer };
  }

  /** Resolves true when the request could not be built or signed (nothing reached the network). */
  private async attempt(row: DeliveryRow, claimBeforeMs: number | null): Promise<boolean> {
    const clock = this.options.clock;
    const startedAtMs = clock.now();
    const attemptNo = row.attempts + 1;
    let headers = replaceHeaders(JSON.parse(row.headers_json) as HeaderPair[], [[DELIVERY_HEADER, row.uid]]);
    headers = this.options.headersForTarget?.(row.url, headers) ?? headers;
    let signedString: string | null = null;
    let signingFailure: string | null = null;
    if (row.signing_json) {
      try {
        const signed = signRequest(JSON.parse(row.signing_json) as SigningConfig, {
          body: row.body,
          id: row.uid,
          timestampSec: Math.floor(startedAtMs / 1000),
          carried: headers,
        });
        // A replayed capture's stale signature would otherwise go out beside the fresh one.
        headers = replaceHeaders(headers, headerList(signed.headers));
        signedString = signed.signedString;
      } catch (error) {
        // Saved before secrets were checked on input, or a config edited by hand: no attempt could ever be signed.
        signingFailure = `signing failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    let written = false;
    const result = signingFailure
      ? unsentAttempt(signingFailure)
      : await this.send(
          {
            method: row.method,
            url: row.url,
            headers,
            body: row.body,
            timeoutMs: row.timeout_ms,
            onRequestWrite: () => {
              written = true;
              this.requestWritten(row);
            },
          },
          this.abort.signal,
        );
    const base = {
      deliveryId: row.id,
      attemptNo,
      startedAtMs,
      manual: row.retry_now === 1,
      durationMs: Math.round(result.durationMs * 10) / 10,
      status: result.status,
      error: result.error,
      // A request that could not be built sent nothing: no request headers and no claim stand for the origin's latest
      // request (lastRequest), so a restart does not space the next one from it.
      requestHeaders: result.unsendable
        ? []
        : (result.sentHeaders ?? headers).map(([n, v]): HeaderPair => [n, redactValue(n, v)]),
      unsent: result.unsendable === true,
      claimBeforeMs,
      responseHeaders: result.headers,
      responseBody: result.body,
      responseBodyDecoded: result.bodyDecoded ?? false,
      responseBodyBytes: result.bodyBytes,
      responseBodySizeUnknown: result.bodySizeUnknown ?? false,
      signedString,
    };
    const finishedAt = clock.now();
    if (this.abort.signal.aborted && result.status === null) {
      const stopped = written
        ? base
        : { ...base, error: NOT_SENT_AT_CLOSE, requestHeaders: [], unsent: true, claimBeforeMs };
      await this.commit(() =>
        this.store.finish(
          { ...stopped, outcome: 'interrupted', nextWaitMs: null },
          this.owner,
          { state: 'pending', nextAttemptAtMs: finishedAt, finishedAtMs: null },
          false,
        ),
      );
      this.markChanged([row.id]);
      return result.unsendable === true;
    }
    const header = (name: string) => result.headers.find(([n]) => n.toLowerCase() === name)?.[1];
    const retryAfter = header('retry-after');
    const spec = policySpec(row.policy, policyOptionsOf(row));
    const decision: Decision = result.unsendable
      ? {
          kind: 'failed',
          reason: `${result.error ?? 'cannot be sent'} (not retried: no attempt could succeed)`,
        }
      : decide(
          spec,
          attemptNo - row.policy_offset,
          {
            status: result.status,
            networkError: result.error,
            retryAfterMs: parseRetryAfter(retryAfter, finishedAt),
            location: header('location'),
          },
          row.time_scale,
        );
    const reason = decision.kind === 'success' ? null : decision.reason;
    const gaveUp = decision.kind === 'failed' || decision.kind === 'disabled';
    // An answer cut off after its status is judged by that status, which its error names first (as every error with
    // a status does): why it failed, or the status, then the cut.
    const answerCut = result.status !== null && result.error !== null;
    const error = result.unsendable
      ? reason
      : answerCut
        ? `${gaveUp ? reason : `HTTP ${result.status}`}; ${result.error}`
        : (result.error ?? (gaveUp ? reason : null));
    let finish: () => void;
    switch (decision.kind) {
      case 'success':
        finish = () =>
          this.store.finish({ ...base, error, outcome: 'success', nextWaitMs: null }, this.owner, {
            state: 'succeeded',
            nextAttemptAtMs: null,
            finishedAtMs: finishedAt,
          });
        break;
      case 'retry':
        finish = () =>
          this.store.finish(
            {
              ...base,
              error,
              outcome: 'retry',
              nextWaitMs: decision.waitMs,
              scheduleWaitMs: decision.scheduleWaitMs,
            },
            this.owner,
            { state: 'pending', nextAttemptAtMs: finishedAt + decision.waitMs, finishedAtMs: null },
          );
        break;
      case 'failed':
        finish = () =>
          this.store.finish({ ...base, error, outcome: 'failed', nextWaitMs: null }, this.owner, {
            state: 'failed',
            nextAttemptAtMs: null,
            finishedAtMs: finishedAt,
          });
        break;
      case 'disabled':
        finish = () => {
          this.store.finish({ ...base, error, outcome: 'disabled', nextWaitMs: null }, this.owner, {
            state: 'disabled',
            nextAttemptAtMs: null,
            finishedAtMs: finishedAt,
          });
          this.markChanged(this.store.disableUrl(row.url, finishedAt));
        };
        break;
      default: {
        const never: never = decision;
        throw new Error(`unhandled decision ${JSON.stringify(never)}`);
      }
    }
    await this.commit(finish);
    this.markChanged([row.id]);
    return result.unsendable === true;
  }

  /**
   * Group commit: attempts that finish in the same event-loop turn are logged in one transaction (each in its own
   * savepoint, so one failure loses nothing else). An attempt counts as finished only once its row is committed.
   */
  private commit(run: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.commits.push({ run, resolve, reject });
      if (this.commits.length === 1) setImmediate(() => this.flushCommits());
    });
  }

  private flushCommits(): void {
    const batch = this.commits.splice(0);
    const done: Array<() => void> = [];
    try {
      this.options.db.transaction(() => {
        for (const c of batch) {
          try {
            c.run();
            done.push(c.resolve);
          } catch (error) {
            c.reject(error);
          }
        }
      })();
    } catch (error) {
      for (const c of batch) c.reject(error);
      return;
    }
    for (const resolve of done) resolve();
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() =>
      this.guarded('pump', () => {
        this.pumpScheduled = false;
        this.pump();
      }),
    );
  }

  /**
   * The queue's own timer work: a throw there would be an uncaught exception ending the process. It is logged instead,
   * and a pump looks again a little later, as the wake it was running may have been its only one.
   */
  private guarded(what: 'wake' | 'pump' | 'flush', run: () => void): void {
    try {
      run();
    } catch (error) {
      this.options.log.error(`delivery queue ${what} failed`, { error: String(error) });
      if (what !== 'flush' && !this.closing)
        this.scheduleWake(this.options.clock.now() + RETRY_AFTER_ERROR_MS);
    }
  }

  private markChanged(ids: number[]): void {
    if (!this.options.onChange || ids.length === 0) return;
    for (const id of ids) this.changed.add(id);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.guarded('flush', () => this.flush()));
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed.clear();
    this.options.onChange?.(ids);
  }
}

function headerList(headers: unknown): HeaderPair[] {
  if (Array.isArray(headers)) return headers as HeaderPair[];
  if (headers && typeof headers === 'object') return Object.entries(headers as Record<string, string>);
  return [];
}

/** The attempt log keeps header names but not credentials. */
function redactValue(name: string, value: string): string {
  return /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i.test(name) ? '[redacted]' : value;
}
