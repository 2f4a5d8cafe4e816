import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Whether the receiver is saturated: whether the event loop can hold both what the receiver itself used in the last
 * window and what keeping up with the captures that arrived would take the background tasks (filing, then indexing),
 * at what each has cost per capture lately. If it cannot, background work takes only a small share and lets its
 * backlog wait (reported as index lag) until the burst passes; if it can, background work runs as fast as it can and
 * the lag stays near zero.
 *
 * The receiver's own time is the loop's busy time less the background slices. Utilisation alone cannot tell a receiver
 * that wants more of the loop from a background that is merely catching up; demand alone (the first version: saturated
 * once keeping up took more than 60 % of the loop) called a steady 5k captures/s a burst once the index's cost per
 * capture grew with the database, although the receiver used only a quarter of the loop: the lag then grew to 13 s.
 */
export class LoopShare {
  private windowStart = performance.now();
  private arrivals = 0;
  private backgroundMs = 0;
  private utilisation: EventLoopUtilization = performance.eventLoopUtilization();
  private readonly msPerCapture = new Map<string, number>();
  saturated = false;

  constructor(
    /** Saturated when receiver time plus background demand exceed this share of the loop. */
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
    const receiverMs = Math.max(0, busy.active - this.backgroundMs);
    this.saturated = (receiverMs + this.arrivals * perCapture) / windowMs > this.threshold;
    this.utilisation = performance.eventLoopUtilization();
    this.windowStart = now;
    this.arrivals = 0;
    this.backgroundMs = 0;
  }
}
