/**
 * Per-destination (origin) pacing: at most `concurrency` attempts at once and, when a rate is set, slots at least
 * 60000/ratePerMinute ms apart. A slot taken late (busy event loop) is taken when the attempt starts and the next
 * is spaced from then: a late wake-up sends later, never two attempts closer together, so no window sees more than
 * the rate allows (a receiver limiting to "10 a second" never sees 11 in one second).
 *
 * A slot taken `untilWritten` is spaced as the receiver sees it: the request goes out only once its connection is
 * ready (a new one's handshakes take time, a pooled one's none), so the next slot waits until the request was
 * written and is spaced from then when that was later than its slot.
 */
export interface GateLimits {
  concurrency: number;
  ratePerMinute: number | null;
}

class Gate {
  active = 0;
  /** The current run of back-to-back slots: the first slot's time, and how many of its slots were taken. */
  anchor = -Infinity;
  taken = 0;
  /** The time of a slot taken `untilWritten` whose request is not written yet; no other slot opens meanwhile. */
  unwrittenSlotAt: number | null = null;
  constructor(public limits: GateLimits) {}

  /**
   * The latest delivery's limits apply to its origin. The next slot was spaced from the last one by the old rate: it
   * is spaced again by the new one, so a faster rate is not held back by a slower one's wait (and a slower one waits).
   */
  setLimits(limits: GateLimits): void {
    const was = this.limits.ratePerMinute;
    const now = limits.ratePerMinute;
    if (was && now && was !== now && this.taken > 0) {
      this.anchor += ((this.taken - 1) * 60_000) / was;
      this.taken = 1;
    }
    this.limits = limits;
  }

  /** 0 = acquired; otherwise ms until a slot may open (Infinity: wait for a release). */
  tryAcquire(now: number, untilWritten: boolean): number {
    if (this.active >= this.limits.concurrency) return Infinity;
    const rate = this.limits.ratePerMinute;
    if (rate) {
      if (this.unwrittenSlotAt !== null) return Infinity;
      // Slots are computed from the run's first one, not added up, so rounding never moves one earlier. The clock
      // counts whole milliseconds: a slot is taken in the millisecond it falls in, so a spacing that is not a whole
      // number of ms (or is under one) still reaches the rate, and no millisecond window holds more than it allows.
      const tick = Math.floor(now);
      const next = this.anchor + (this.taken * 60_000) / rate;
      if (next >= tick + 1) return Math.floor(next) - tick;
      if (next < tick) {
        // Late (or idle): this slot is taken now, and the next spaced from it; missed slots are not made up.
        this.anchor = now;
        this.taken = 0;
      }
      if (untilWritten) this.unwrittenSlotAt = this.anchor + (this.taken * 60_000) / rate;
      this.taken++;
    }
    this.active++;
    return 0;
  }

  /** The unwritten slot's request was written at `at` (null: its attempt ended without writing one). */
  written(at: number | null): void {
    if (this.unwrittenSlotAt === null) return;
    if (at !== null && at > this.unwrittenSlotAt) {
      this.anchor = at;
      this.taken = 1;
    }
    this.unwrittenSlotAt = null;
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
      if (last !== null) {
        gate.anchor = last;
        gate.taken = 1;
      }
    } else gate.setLimits(wanted);
    return gate;
  }

  /** 0 = acquired; otherwise ms until a slot may open (Infinity: wait for a release or a write). */
  tryAcquire(origin: string, limits: Partial<GateLimits>, now: number, untilWritten = false): number {
    return this.gate(origin, limits).tryAcquire(now, untilWritten);
  }

  /** Whether the origin has a slot taken `untilWritten` whose request is not written yet (at most one has). */
  awaitingWrite(origin: string): boolean {
    return (this.gates.get(origin)?.unwrittenSlotAt ?? null) !== null;
  }

  /** The request of the origin's slot taken `untilWritten` was written at `at`, or (null) never will be. */
  written(origin: string, at: number | null): void {
    this.gates.get(origin)?.written(at);
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
    if (refund && gate.limits.ratePerMinute) gate.taken = Math.max(0, gate.taken - 1);
    // The slot refunded is the one just taken, so it is the unwritten one if any is.
    if (refund) gate.unwrittenSlotAt = null;
  }
}
