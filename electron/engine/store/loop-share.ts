import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Whether the receiver is saturated, for the background tasks (filing, then indexing) that share its event loop: then
 * they take only a small share and let their backlog wait (reported as index lag) until the burst passes; otherwise
 * they run as fast as they can and the lag stays near zero. Judged every window of ≥ 250 ms from the loop's busy time
 * and the receiver's own share of it (busy time outside the background slices, in a window where captures arrived):
 * - The receiver using over half of the loop: saturated.
 * - Saturated, it stays so while the receiver keeps using over half of the loop, or the loop stays 90 % busy, with the
 *   background stepped back. Under a load that comes as fast as it is answered (a burst) it does; a steady load the loop
 *   can hold leaves the loop idle, and the background runs flat out again after one window.
 * - The receiver under half of the loop can be either: a steady load, or a burst that began while the background ran
 *   flat out and so never got more than a third of the loop (the loop is not even always full then: the receiver
 *   waits for the network between requests). At most every 3 s such a window is tried as saturated, and the rule above
 *   settles it in the next window; a steady load pays one window of slower filing and indexing for it.
 *
 * Rules tried before, each measured at a steady 5k captures/s (the receiver a third of the loop, the loop 75–90 % busy
 * in all) and in 10 s saturating bursts:
 * - background demand (arrivals × cost per capture) over 60 % of the loop: a steady load was a burst once the index
 *   cost more per capture as the database grew; the index fell 13 s behind;
 * - receiver time plus demand over 95 %: demand, estimated from small slices, reads high; half the windows at 5k/s
 *   were bursts, and the index fell seconds behind;
 * - that, and the receiver over half the loop, without the trial: a burst that began while the background ran flat
 *   out stayed at 5.5k req/s instead of 17k;
 * - the loop full for two windows with the receiver above 15 %: half the windows at 5k/s again;
 * - trials only when the loop was full (≥ 97 %): a burst stuck behind the background often left it 90–95 % busy, and
 *   one 10 s round ran at 7k req/s;
 * - 100 ms windows, trials every second, and a burst ending only below 40 %: at 5k/s autocannon's requests bunch, a
 *   third of the windows read the receiver above half, and the index fell 14 s behind in 200 s.
 */
/** The loop's clock and busy time (perf_hooks in the engine; tests drive their own). */
export interface LoopMeter {
  now(): number;
  /** The loop's busy time and utilisation since the last call (or since the meter was made). */
  busySinceLast(): Pick<EventLoopUtilization, 'active' | 'utilization'>;
}

export function eventLoopMeter(): LoopMeter {
  let mark = performance.eventLoopUtilization();
  return {
    now: () => performance.now(),
    busySinceLast() {
      const busy = performance.eventLoopUtilization(mark);
      mark = performance.eventLoopUtilization();
      return busy;
    },
  };
}

export class LoopShare {
  private windowStart: number;
  private backgroundMs = 0;
  private arrivals = 0;
  private lastTrialAt = -Infinity;
  saturated = false;
  /** The last window: how busy the loop was, and the receiver's own share (busy time outside background slices). */
  loopBusy = 0;
  receiverShare = 0;

  constructor(
    /** Long enough to even out a steady load's bunching (at 5k/s, 100 ms windows read the receiver above half a third of the time). */
    private readonly windowMs = 250,
    /** Trials at most this often. */
    private readonly trialEveryMs = 3_000,
    private readonly meter: LoopMeter = eventLoopMeter(),
  ) {
    this.windowStart = meter.now();
  }

  /** Captures were acknowledged. */
  arrived(): void {
    this.arrivals++;
    this.evaluate();
  }

  /** A background task ran a slice of `ms`. */
  note(ms: number): void {
    this.backgroundMs += ms;
    this.evaluate();
  }

  private evaluate(): void {
    const now = this.meter.now();
    const windowMs = now - this.windowStart;
    if (windowMs < this.windowMs) return;
    const busy = this.meter.busySinceLast();
    this.loopBusy = busy.utilization;
    this.receiverShare = Math.max(0, busy.active - this.backgroundMs) / windowMs;
    // Busy time outside background slices without captures arriving is not the receiver (API reads, say).
    const receiverWantsMore = this.receiverShare > 0.5 && this.arrivals > 0;
    if (this.arrivals === 0) {
      this.saturated = false;
    } else if (this.saturated) {
      // A burst fills the loop once the background steps back; a steady load leaves it idle.
      this.saturated = receiverWantsMore || this.loopBusy >= 0.9;
    } else if (receiverWantsMore) {
      this.saturated = true;
    } else if (this.receiverShare >= 0.15 && now - this.lastTrialAt >= this.trialEveryMs) {
      this.saturated = true;
      this.lastTrialAt = now;
    }
    this.windowStart = now;
    this.backgroundMs = 0;
    this.arrivals = 0;
  }
}
