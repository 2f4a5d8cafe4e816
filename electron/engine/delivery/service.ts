import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { CaptureDetail } from '../../shared/contract/captures';
import { ApiError } from '../../shared/contract/errors';
import type { EventName, EventPayload, Settings } from '../../shared/contract/index';
import {
  fitDeliveryName,
  httpUrl,
  type deliveryMethods,
  type DeliverySummary,
} from '../../shared/contract/delivery';
import { buildEmulatedRequest } from '../../shared/send/emulators';
import type { resolveTemplate } from '../../shared/send/merge-fields';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { BulkRunner } from './bulk';
import { isTerminal, policyOptionsOf, toSummary } from './delivery-store';
import { EnvironmentStore } from './environments';
import type { HttpSender } from './http-attempt';
import { backgroundChunks, chunksInTurns } from '../util/background-chunks';
import { exportLog } from './log-export';
import { assertNoLoop, type LoopTargets } from './loop-guard';
import { newDelivery } from './new-delivery';
import { DeliveryQueue } from './queue';
import { replayRequest } from './replay';
import { maxAttempts, policySpec } from './retry-policy';
import { assertPolicyOptions } from './policy-options';
import { SavedWebhookStore } from './saved-webhooks';
import { withBypassReminder, type TunnelHosts } from '../../shared/tunnel-bypass';

/**
 * How long an origin's restart reference is kept for a delivery not queued yet, whose rate is unknown: a day covers
 * every rate of one a day or more.
 */
const UNKNOWN_RATE_REFERENCE_MS = 86_400_000;

type In<M extends keyof typeof deliveryMethods> = z.output<(typeof deliveryMethods)[M]['input']>;

export interface DeliveryServiceDeps {
  db: Database.Database;
  clock: Clock;
  log: Logger;
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  getCapture?: (id: number) => CaptureDetail | Promise<CaptureDetail>;
  loopTargets?: () => LoopTargets;
  /** Where localtunnel URLs live: attempts to them carry bypass-tunnel-reminder. */
  tunnelHosts?: () => TunnelHosts;
  send?: HttpSender;
  defaultConcurrency?: number;
  /** Fills a bulk row's merge fields; tests swap it to make one row's build throw. */
  resolveBulkTemplate?: typeof resolveTemplate;
}

/** Everything the delivery feature does, without the engine: the module wraps it, the CLI uses it directly. */
export class DeliveryService {
  readonly queue: DeliveryQueue;
  readonly bulk: BulkRunner;
  readonly webhooks: SavedWebhookStore;
  readonly environments: EnvironmentStore;

  constructor(private readonly deps: DeliveryServiceDeps) {
    this.queue = new DeliveryQueue({
      db: deps.db,
      clock: deps.clock,
      log: deps.log,
      send: deps.send,
      defaultConcurrency: deps.defaultConcurrency,
      headersForTarget: (url, headers) =>
        withBypassReminder(headers, url, deps.tunnelHosts?.() ?? { publicUrls: [] }),
      onChange: (ids) => this.changed(ids),
    });
    this.bulk = new BulkRunner(
      deps.db,
      this.queue,
      deps.clock,
      (progress) => deps.emit?.('bulk.progress', progress),
      (url, allowLoop) => this.checkLoop(url, allowLoop),
      deps.log,
      deps.resolveBulkTemplate,
    );
    this.webhooks = new SavedWebhookStore(deps.db, () => deps.clock.now());
    this.environments = new EnvironmentStore(deps.db, () => deps.clock.now());
  }

  start(): void {
    this.queue.start();
    this.bulk.resumeAll();
  }

  close(graceMs?: number): Promise<void> {
    this.bulk.suspendAll();
    return this.queue.close(graceMs);
  }

  checkLoop(url: string, allowLoop: boolean | undefined): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return; // not a URL at all: the caller's validation names the field
    }
    assertNoLoop(
      parsed.href,
      this.deps.loopTargets?.() ?? { receiverUrl: null, receiverPort: null, publicUrls: [] },
      allowLoop,
    );
  }

  send(input: In<'deliveries.send'>): DeliverySummary {
    assertPolicyOptions(input);
    if (input.webhookId != null && !this.webhooks.exists(input.webhookId))
      throw new ApiError('not_found', `webhookId: no saved webhook ${input.webhookId}`);
    this.checkLoop(input.request.url, input.allowLoop);
    const { request, type, ...options } = input;
    const row = this.queue.enqueue(
      newDelivery(
        {
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: Buffer.from(request.bodyBase64, 'base64'),
        },
        options,
        type,
        this.deps.clock.now(),
      ),
    );
    return toSummary(row);
  }

  async replay(input: In<'deliveries.replay'>): Promise<DeliverySummary> {
    if (!this.deps.getCapture)
      throw new ApiError('unavailable', 'captureId: no capture store in this process');
    let capture: CaptureDetail;
    try {
      capture = await this.deps.getCapture(input.captureId);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'not_found')) throw error;
      throw new ApiError('not_found', `captureId: no capture ${input.captureId}`, {
        captureId: input.captureId,
      });
    }
    const { captureId: _c, url, mode: _m, keepQuery, ...options } = input;
    return this.send({ ...options, request: replayRequest(capture, url, { keepQuery }), type: 'replay' });
  }

  emulate(input: In<'emulate.send'>): DeliverySummary & { description: string } {
    const { kind, to, format, encoding, contact, tagId, formId, postData, ...options } = input;
    const emulated = buildEmulatedRequest(kind, {
      contact,
      format,
      encoding,
      tagId,
      formId,
      postData,
      url: to,
      nowMs: this.deps.clock.now(),
    });
    const url = emulated.url ?? to;
    const filled = httpUrl.safeParse(url);
    if (!filled.success)
      throw new ApiError(
        'invalid_input',
        `to: with the contact's merge fields filled, ${filled.error.issues[0]?.message ?? 'invalid URL'}`,
      );
    const summary = this.send({
      ...options,
      policy: emulated.policy,
      name: options.name ?? fitDeliveryName(emulated.description),
      type: 'emulator',
      request: {
        method: emulated.method,
        url: filled.data,
        headers: emulated.headers,
        bodyBase64: Buffer.from(emulated.body, 'utf8').toString('base64'),
      },
    });
    return { ...summary, description: emulated.description };
  }

  get(id: number) {
    const detail = this.queue.store.detail(id);
    if (!detail) throw new ApiError('not_found', `id: no delivery ${id}`);
    return detail;
  }

  cancel(id: number): DeliverySummary {
    const row = this.queue.store.cancel(id, this.deps.clock.now());
    if (!row) throw new ApiError('not_found', `id: no delivery ${id}`);
    if (row.state !== 'cancelled')
      throw new ApiError(
        'conflict',
        `id: delivery ${id} already ${row.state}; only a pending, held or in-flight delivery can be cancelled`,
      );
    this.queue.poke([id]);
    return toSummary(row);
  }

  retryNow(id: number): DeliverySummary {
    // An attempt whose lease ended (its engine stopped) is logged as interrupted first, even before the queue's wake for
    // it: the retry's claim would otherwise take over the lease and that attempt would never be logged.
    this.queue.reclaimEnded();
    const before = this.queue.store.row(id);
    if (!before) throw new ApiError('not_found', `id: no delivery ${id}`);
    // Cancelling an attempt in flight lets it finish (its outcome is logged): until then it holds the row's lease, and
    // the outcome would overwrite a retry asked for meanwhile.
    if (before.state === 'in_flight' || before.lease_owner !== null)
      throw new ApiError(
        'conflict',
        `id: delivery ${id} is being sent right now${before.state === 'in_flight' ? '' : ` (${before.state} while its attempt finishes)`}`,
      );
    if (before.state === 'held')
      throw new ApiError(
        'conflict',
        `id: delivery ${id} is held because its bulk send (job ${before.bulk_job_id}) is paused; resume the bulk send to send it`,
      );
    // A cancelled delivery goes on with its schedule, so its attempt count and total stay as they were; one that
    // finished (or was cancelled with no attempts left in its schedule) starts the schedule again.
    const scheduleLeft =
      before.attempts - before.policy_offset <
      maxAttempts(policySpec(before.policy, policyOptionsOf(before)));
    const restart = isTerminal(before.state) && !(before.state === 'cancelled' && scheduleLeft);
    const row = this.queue.store.retryNow(id, this.deps.clock.now(), restart)!;
    this.queue.poke([id]);
    return toSummary(row);
  }

  /** Everything finished (before a time), now: the user asked. */
  async clearFinished(finishedBeforeMs: number | null): Promise<{ deleted: number; keptSending: number }> {
    const store = this.queue.store;
    const now = () => this.deps.clock.now();
    const deleted = await chunksInTurns(() => store.clearFinished(finishedBeforeMs, 1000, now()));
    if (deleted > 0) this.deps.emit?.('deliveries.deleted', { count: deleted });
    return { deleted, keptSending: store.countFinishedSending(finishedBeforeMs, now()) };
  }

  /**
   * Delivery-log retention: finished deliveries older than `maxAgeMs`, then the oldest beyond the newest `maxCount`,
   * go 1,000 per event-loop turn so a large log never holds the receiver for long.
   */
  pruneFinished(retention: Settings['deliveryRetention']): void {
    this.retention = retention;
    this.pruneOriginReferences();
    if (retention.maxAgeMs === null && retention.maxCount === null) return;
    this.pruneInChunks();
  }

  /** The restart references of origins whose rate gates they can no longer hold back (kept even with no retention). */
  private pruneOriginReferences(): void {
    if (!this.deps.db.open) return;
    try {
      this.queue.store.pruneOriginReferences(this.deps.clock.now(), UNKNOWN_RATE_REFERENCE_MS);
    } catch (error) {
      this.deps.log.error('delivery retention: pruning origin references failed; retrying later', {
        error: String(error),
      });
    }
  }

  private retention: Settings['deliveryRetention'] = { maxAgeMs: null, maxCount: null };
  private readonly pruneInChunks = backgroundChunks(
    () => {
      if (!this.deps.db.open) return 0;
      const { maxAgeMs, maxCount } = this.retention;
      const store = this.queue.store;
      const now = this.deps.clock.now();
      const deleted =
        (maxAgeMs === null ? 0 : store.clearFinished(now - maxAgeMs, 1000, now)) +
        (maxCount === null ? 0 : store.clearFinishedBeyond(maxCount, 1000, now));
      // Open delivery logs would otherwise keep listing the pruned rows, whose details no longer load.
      if (deleted > 0) this.deps.emit?.('deliveries.deleted', { count: deleted });
      return deleted;
    },
    (error) =>
      this.deps.log.error('delivery retention: prune failed; retrying later', { error: String(error) }),
  );

  exportLog(input: In<'deliveries.exportLog'>) {
    const page = this.queue.store.log(input.filter, null, input.limit);
    return { ...exportLog(page.items, input.format, input.redact), truncated: page.nextCursor !== null };
  }

  async deleteBulk(id: number): Promise<{ deleted: number }> {
    const result = await this.bulk.delete(id);
    this.deps.emit?.('bulk.deleted', { jobId: id });
    return result;
  }

  startBulk(input: In<'bulk.start'>) {
    const { template, rows, batchSize, concurrency, fieldsNotColumns, ...options } = input;
    assertPolicyOptions(options);
    return this.bulk.start({
      template,
      rows,
      batchSize,
      concurrency,
      fieldsNotColumns,
      options,
      env: this.environments.active(),
    });
  }

  private changed(ids: number[]): void {
    const summaries: DeliverySummary[] = [];
    const jobs = new Set<number>();
    for (const id of ids) {
      const row = this.queue.store.row(id);
      if (!row) continue;
      summaries.push(toSummary(row));
      if (row.bulk_job_id !== null) jobs.add(row.bulk_job_id);
    }
    if (summaries.length) this.deps.emit?.('delivery.updated', { items: summaries });
    if (jobs.size) this.bulk.onDeliveriesChanged(jobs);
  }
}
