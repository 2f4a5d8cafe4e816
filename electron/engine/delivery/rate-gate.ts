const CATCH_UP_MS = 1000;

/**
 * Per-destination (origin) pacing: at most `concurrency` attempts at once and, when a rate is set, one attempt
 * every 60000/ratePerMinute ms. Slots are spaced from the previous slot, not from "now", so a late timer
 * catches up (at most a second's worth of slots, and never beyond the concurrency) instead of drifting the rate down.
 */
export interface GateLimits {
  concurrency: number;
  ratePerMinute: number | null;
}

class Gate {
  active = 0;
  nextSlotAt = -Infinity;
  /** Since when an attempt has been waiting for a rate slot (null: nobody waits, the gate may be idle). */
  private waitingSince: number | null = null;
  constructor(public limits: GateLimits) {}

  /**
   * The latest delivery's limits apply to its origin. The next slot was spaced from the last one by the old rate: it
   * is spaced again by the new one, so a faster rate is not held back by a slower one's wait (and a slower one waits).
   */
  setLimits(limits: GateLimits): void {
    const was = this.limits.ratePerMinute;
    const now = limits.ratePerMinute;
    if (was && now && was !== now && Number.isFinite(this.nextSlotAt))
      this.nextSlotAt += 60_000 / now - 60_000 / was;
    this.limits = limits;
  }

  /** 0 = acquired; otherwise ms until a slot may open (Infinity: wait for a release). */
  tryAcquire(now: number): number {
    if (this.active >= this.limits.concurrency) return Infinity;
    const rate = this.limits.ratePerMinute;
    if (rate) {
      const interval = 60_000 / rate;
      if (this.nextSlotAt > now) {
        this.waitingSince ??= now;
        return Math.ceil(this.nextSlotAt - now);
      }
      // A late wake-up (busy event loop) may use the slots it missed while attempts were waiting for them, within
      // the last second, so the average rate holds. A slot nobody waited for (the gate was idle) is gone: the next
      // attempt starts afresh from now, with no burst after it.
      const missedWhileWaiting =
        this.waitingSince !== null &&
        this.nextSlotAt >= this.waitingSince &&
        this.nextSlotAt >= now - Math.max(interval, CATCH_UP_MS);
      const slot = missedWhileWaiting ? this.nextSlotAt : now;
      this.nextSlotAt = slot + interval;
      if (this.nextSlotAt > now) this.waitingSince = null; // caught up with the clock
    }
    this.active++;
    return 0;
  }
}

export class RateGates {
  private readonly gates = new Map<string, Gate>();
  /** `lastAttemptAt` gives an origin's latest attempt from before this process, so a restart keeps the pace. */
  constructor(
    private readonly defaults: GateLimits,
    private readonly lastAttemptAt: (origin: string) => number | null = () => null,
  ) {}

  private gate(origin: string, limits: Partial<GateLimits>): Gate {
    const wanted: GateLimits = {
      concurrency: limits.concurrency ?? this.defaults.concurrency,
      ratePerMinute: limits.ratePerMinute ?? this.defaults.ratePerMinute,
    };
    let gate = this.gates.get(origin);
    if (!gate) {
      this.gates.set(origin, (gate = new Gate(wanted)));
      const last = wanted.ratePerMinute ? this.lastAttemptAt(origin) : null;
      if (last !== null) gate.nextSlotAt = last + 60_000 / wanted.ratePerMinute!;
    } else gate.setLimits(wanted);
    return gate;
  }

  tryAcquire(origin: string, limits: Partial<GateLimits>, now: number): number {
    return this.gate(origin, limits).tryAcquire(now);
  }

  /** Free concurrency of an origin's gate, or null before its first use. */
  available(origin: string): number | null {
    const gate = this.gates.get(origin);
    return gate ? Math.max(0, gate.limits.concurrency - gate.active) : null;
  }

  /** Give back a slot's concurrency; `refund` also undoes its rate slot (the claim lost a race). */
  release(origin: string, refund = false): void {
    const gate = this.gates.get(origin);
    if (!gate) return;
    gate.active = Math.max(0, gate.active - 1);
    if (refund && gate.limits.ratePerMinute) gate.nextSlotAt -= 60_000 / gate.limits.ratePerMinute;
  }
}
