import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Whether the receiver is saturated: whether, in the last window, the receiver itself used most of the event loop
 * (over half) and what was left could not hold what keeping up with the captures that arrived would take the
 * background tasks (filing, then indexing), at what each has cost per capture lately. Then background work takes only
 * a small share and lets its backlog wait (reported as index lag) until the burst passes; otherwise it runs as fast as
 * it can and the lag stays near zero.
 *
 * The receiver's own time is the loop's busy time less the background slices: utilisation alone cannot tell a receiver
 * that wants more of the loop from a background that is merely catching up. Demand alone cannot tell a burst from a
 * steady load either, because it is an estimate that small slices inflate. Saturated once demand passed 60 % of the
 * loop, or once the receiver's time and demand passed 95 %, a steady 5k captures/s (the receiver a third of the loop,
 * the loop 85 % busy in all) was throttled as a burst about half the time, and the index fell up to 13 s behind.
 */
export class LoopShare {
  private windowStart = performance.now();
  private arrivals = 0;
  private backgroundMs = 0;
  private utilisation: EventLoopUtilization = performance.eventLoopUtilization();
  private readonly msPerCapture = new Map<string, number>();
  saturated = false;
  /** The last window's shares of the loop: the receiver's own time, and what keeping up would take the background. */
  receiverShare = 0;
  demandShare = 0;

  constructor(
    /** Saturated only while the receiver's own share of the loop is above this… */
    private readonly receiverThreshold = 0.5,
    /** …and its share plus the background's demand is above this. */
    private readonly threshold = 0.95,
  ) {}

  /** Captures were acknowledged. */
  arrived(count: number): void {
    this.arrivals += count;
    this.evaluate();
  }

  /** A background task's slice: how long it took and how many captures it handled. */
  note(task: string, ms: number, captures: number): void {
    this.backgroundMs += ms;
    if (captures > 0) {
      const sample = ms / captures;
      const previous = this.msPerCapture.get(task);
      this.msPerCapture.set(task, previous === undefined ? sample : previous * 0.9 + sample * 0.1);
    }
    this.evaluate();
  }

  private evaluate(): void {
    const now = performance.now();
    const windowMs = now - this.windowStart;
    if (windowMs < 100) return;
    let perCapture = 0;
    for (const ms of this.msPerCapture.values()) perCapture += ms;
    const busy = performance.eventLoopUtilization(this.utilisation);
    this.receiverShare = Math.max(0, busy.active - this.backgroundMs) / windowMs;
    this.demandShare = (this.arrivals * perCapture) / windowMs;
    this.saturated =
      this.receiverShare > this.receiverThreshold && this.receiverShare + this.demandShare > this.threshold;
    this.utilisation = performance.eventLoopUtilization();
    this.windowStart = now;
    this.arrivals = 0;
    this.backgroundMs = 0;
  }
}
