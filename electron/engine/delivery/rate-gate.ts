/**
 * Per-destination (origin) pacing. A rate limit belongs to the origin, whichever delivery set it: every request to
 * the origin, limited or not, waits until one full spacing (60000/ratePerMinute ms) of the strictest limit in force has
 * passed since the origin's last rate-limited slot, and a limited request is spaced by its own rate from the origin's
 * last request of any kind. Likewise the strictest concurrency among the origin's attempts in flight (and the one
 * starting) caps them all.
 *
 * A slot taken late (busy event loop) is taken when the attempt starts and the next is spaced from then: a late
 * wake-up sends later, never two attempts closer together, so no window sees more than the rate allows (a receiver
 * limiting to "10 a second" never sees 11 in one second).
 *
 * A slot taken `untilWritten` is spaced as the receiver sees it: the request goes out only once its connection is
 * ready (a new one's handshakes take time, a pooled one's none), so the next slot waits until the request was
 * written and is spaced from then when that was later than its slot.
 */
export interface GateLimits {
  concurrency: number;
  ratePerMinute: number | null;
}

const spacingMs = (ratePerMinute: number): number => 60_000 / ratePerMinute;

/** The stricter of two rates (null: no limit). */
function stricter(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

class Gate {
  /** The concurrency limit of each attempt in flight. */
  readonly inFlight: number[] = [];
  /** The current run of back-to-back slots: the first slot's time, and how many of its slots were taken. */
  anchor = -Infinity;
  taken = 0;
  /** The rate the run is spaced by: the strictest in force at its last slot (null: the last request had none). */
  rate: number | null = null;
  /** The time of a slot taken `untilWritten` whose request is not written yet; no other slot opens meanwhile. */
  unwrittenSlotAt: number | null = null;

  concurrency(wanted: number): number {
    return Math.min(wanted, ...this.inFlight);
  }

  /** 0 = acquired; otherwise ms until a slot may open (Infinity: wait for a release). */
  tryAcquire(limits: GateLimits, now: number, untilWritten: boolean): number {
    if (this.inFlight.length >= this.concurrency(limits.concurrency)) return Infinity;
    if (this.unwrittenSlotAt !== null) return Infinity;
    // The clock counts whole milliseconds: a slot is taken in the millisecond it falls in, so a spacing that is not a
    // whole number of ms (or is under one) still reaches the rate, and no millisecond window holds more than it allows.
    const tick = Math.floor(now);
    const rate = stricter(limits.ratePerMinute, this.rateInForce(tick));
    if (rate === null) {
      // Spaced from by the next limited request, so an unlimited one never slips in just before it.
      this.anchor = now;
      this.taken = 1;
      this.rate = null;
    } else {
      this.spaceBy(rate);
      // Slots are computed from the run's first one, not added up, so rounding never moves one earlier.
      const next = this.anchor + this.taken * spacingMs(rate);
      if (next >= tick + 1) return Math.floor(next) - tick;
      if (next < tick) {
        // Late (or idle): this slot is taken now, and the next spaced from it; missed slots are not made up.
        this.anchor = now;
        this.taken = 0;
      }
      if (untilWritten) this.unwrittenSlotAt = this.anchor + this.taken * spacingMs(rate);
      this.taken++;
    }
    this.inFlight.push(limits.concurrency);
    return 0;
  }

  /** The run's rate while its next slot is still to come: until then it holds back every request to the origin. */
  private rateInForce(tick: number): number | null {
    if (this.rate === null) return null;
    return this.anchor + this.taken * spacingMs(this.rate) >= tick + 1 ? this.rate : null;
  }

  /** Re-space the run by another rate: the next slot is spaced from the last one taken by the new rate. */
  private spaceBy(rate: number): void {
    if (this.rate === rate) return;
    if (this.rate !== null && this.taken > 0) {
      this.anchor += (this.taken - 1) * spacingMs(this.rate);
      this.taken = 1;
    }
    this.rate = rate;
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

  /** An attempt with this concurrency limit ended; `refund` also undoes its rate slot (the claim lost a race). */
  release(concurrency: number, refund: boolean): void {
    const i = this.inFlight.indexOf(concurrency);
    this.inFlight.splice(i >= 0 ? i : 0, 1);
    if (!refund) return;
    if (this.rate !== null) this.taken = Math.max(0, this.taken - 1);
    // The slot refunded is the one just taken, so it is the unwritten one if any is.
    this.unwrittenSlotAt = null;
  }
}

export class RateGates {
  private readonly gates = new Map<string, Gate>();
  /**
   * `lastRequest` gives an origin's latest request from before this process and the rate it was limited to, so a
   * restart keeps the pace: the first request after it, limited or not, is spaced as it would have been without one.
   */
  constructor(
    private readonly defaults: GateLimits,
    private readonly lastRequest: (
      origin: string,
    ) => { atMs: number; ratePerMinute: number | null } | null = () => null,
  ) {}

  private resolve(limits: Partial<GateLimits>): GateLimits {
    return {
      concurrency: limits.concurrency ?? this.defaults.concurrency,
      ratePerMinute: limits.ratePerMinute ?? this.defaults.ratePerMinute,
    };
  }

  /** 0 = acquired; otherwise ms until a slot may open (Infinity: wait for a release or a write). */
  tryAcquire(origin: string, limits: Partial<GateLimits>, now: number, untilWritten = false): number {
    const wanted = this.resolve(limits);
    let gate = this.gates.get(origin);
    if (!gate) {
      this.gates.set(origin, (gate = new Gate()));
      const last = this.lastRequest(origin);
      if (last !== null) {
        gate.anchor = last.atMs;
        gate.taken = 1;
        gate.rate = last.ratePerMinute ?? this.defaults.ratePerMinute;
      }
    }
    return gate.tryAcquire(wanted, now, untilWritten);
  }

  /** Whether the origin has a slot taken `untilWritten` whose request is not written yet (at most one has). */
  awaitingWrite(origin: string): boolean {
    return (this.gates.get(origin)?.unwrittenSlotAt ?? null) !== null;
  }

  /** The request of the origin's slot taken `untilWritten` was written at `at`, or (null) never will be. */
  written(origin: string, at: number | null): void {
    this.gates.get(origin)?.written(at);
  }

  /** Free concurrency of an origin by the strictest limit in flight, or null while nothing is in flight. */
  available(origin: string): number | null {
    const gate = this.gates.get(origin);
    if (!gate || gate.inFlight.length === 0) return null;
    return Math.max(0, gate.concurrency(Infinity) - gate.inFlight.length);
  }

  /** Give back a slot's concurrency (`limits` as acquired); `refund` also undoes its rate slot (the claim lost a race). */
  release(origin: string, limits: Partial<GateLimits> = {}, refund = false): void {
    this.gates.get(origin)?.release(this.resolve(limits).concurrency, refund);
  }
}
