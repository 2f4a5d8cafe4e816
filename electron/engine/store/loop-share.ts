/**
 * Whether the receiver is saturated: whether keeping up with the captures arriving would take the background tasks
 * (filing, then indexing) more than 60 % of the event loop, at what each has cost per capture so far. Then background
 * work takes only a small share and lets its backlog wait (reported as index lag) until the burst passes; otherwise it
 * runs as fast as it can and the lag stays near zero (at 5k captures/s here about half the loop).
 *
 * Demand, not event-loop utilisation: background slices alternate with the receiver's I/O, so utilisation cannot tell a
 * receiver that wants more of the loop from a background that is merely catching up.
 */
export class LoopShare {
  private windowStart = performance.now();
  private arrivals = 0;
  private readonly msPerCapture = new Map<string, number>();
  saturated = false;

  /** Captures were acknowledged. */
  arrived(count: number): void {
    this.arrivals += count;
    this.evaluate();
  }

  /** A background task's slice: how long it took and how many captures it handled. */
  note(task: string, ms: number, captures: number): void {
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
    this.saturated = (this.arrivals * perCapture) / windowMs > 0.6;
    this.windowStart = now;
    this.arrivals = 0;
  }
}
