/**
 * Per-destination (origin) pacing: at most `concurrency` attempts at once and, when a rate is set, attempts at least
 * 60000/ratePerMinute ms apart. The next slot is spaced from the attempt that took the last one, not from the slot it
 * waited for: a late wake-up (busy event loop) sends later, never two attempts closer together, so no window of any
 * length sees more than the rate allows (a receiver limiting to "10 a second" never sees 11 in one second).
 */
export interface GateLimits {
  concurrency: number;
  ratePerMinute: number | null;
}

class Gate {
  active = 0;
  nextSlotAt = -Infinity;
  constructor(public limits: GateLimits) {}

  /**
   * The latest delivery's limits apply to its origin. The next slot was spaced from the last attempt by the old rate: it
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
      if (this.nextSlotAt > now) return Math.ceil(this.nextSlotAt - now);
      this.nextSlotAt = now + 60_000 / rate;
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
