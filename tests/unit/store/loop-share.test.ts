import { describe, expect, it } from 'vitest';
import { LoopShare, type LoopMeter } from '../../../electron/engine/store/loop-share';

/** The loop's time as the test spends it: busy (the receiver, background slices) or idle, never the machine's. */
class TestLoop implements LoopMeter {
  private time = 0;
  private active = 0;
  private idle = 0;
  now = () => this.time;
  busySinceLast() {
    const busy = { active: this.active, utilization: this.active / (this.active + this.idle || 1) };
    this.active = 0;
    this.idle = 0;
    return busy;
  }
  busy(ms: number) {
    this.time += ms;
    this.active += ms;
  }
  wait(ms: number) {
    this.time += ms;
    this.idle += ms;
  }
}

function loopShare(windowMs: number, trialEveryMs: number) {
  const loop = new TestLoop();
  return { share: new LoopShare(windowMs, trialEveryMs, loop), loop };
}

/**
 * One window of at least 100 ms: the receiver busy for `receiverMs` (answering requests, unless `arrivals` is 0: then
 * busy with something else), background slices for `backgroundMs`, then the loop idle for `idleMs`. Reporting the
 * background time closes the window.
 */
function window(
  { share, loop }: ReturnType<typeof loopShare>,
  time: { receiverMs?: number; backgroundMs?: number; idleMs?: number; arrivals?: number },
) {
  const { receiverMs = 0, backgroundMs = 0, idleMs = 0 } = time;
  const arrivals = time.arrivals ?? (receiverMs > 0 ? 1 : 0);
  for (let i = 0; i < arrivals; i++) share.arrived(); // the window is still young: counted, not closed
  loop.busy(receiverMs);
  loop.busy(backgroundMs);
  loop.wait(idleMs);
  share.note(backgroundMs);
}

describe('LoopShare', () => {
  it('a burst: the loop full with the receiver using most of it; over once the receiver needs less', () => {
    const run = loopShare(100, 3_000);
    const { share } = run;
    window(run, { idleMs: 110 });
    expect(share.saturated).toBe(false);
    window(run, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
    expect(share.receiverShare).toBeGreaterThan(0.8);
    window(run, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
    window(run, { receiverMs: 20, idleMs: 100 });
    expect(share.saturated).toBe(false);
  });

  it('a burst stays a burst while the loop stays full, even in a window where the receiver has less than half', () => {
    const run = loopShare(100, 3_000);
    const { share } = run;
    window(run, { idleMs: 110 });
    window(run, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
    window(run, { receiverMs: 50, backgroundMs: 62 }); // a checkpoint, a collection: the loop still full
    expect(share.saturated).toBe(true);
    window(run, { receiverMs: 50, backgroundMs: 5, idleMs: 60 }); // the loop has room: over
    expect(share.saturated).toBe(false);
  });

  it('a burst that began with the background flat out is found by a trial, and then stays a burst', () => {
    const run = loopShare(100, 300);
    const { share } = run;
    window(run, { idleMs: 110 });
    // The receiver has a third of a full loop: try it as saturated…
    window(run, { receiverMs: 40, backgroundMs: 75 });
    expect(share.loopBusy).toBeGreaterThan(0.97);
    expect(share.saturated).toBe(true);
    // …and the receiver takes what the background leaves: a burst.
    window(run, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
  });

  it('a steady load near capacity gets one trial window, then the background runs flat out; trials are rationed', () => {
    const run = loopShare(100, 300);
    const { share } = run;
    window(run, { idleMs: 110 });
    window(run, { receiverMs: 40, backgroundMs: 75 }); // the loop full: a trial
    expect(share.saturated).toBe(true);
    window(run, { receiverMs: 30, backgroundMs: 5, idleMs: 80 }); // the receiver did not take the room
    expect(share.saturated).toBe(false);
    window(run, { receiverMs: 40, backgroundMs: 75 }); // full again, but within 300 ms of the trial
    expect(share.saturated).toBe(false);
    window(run, { idleMs: 300 });
    window(run, { receiverMs: 40, backgroundMs: 75 });
    expect(share.saturated).toBe(true);
  });

  it('a steady load that leaves the loop idle part of the time is tried once per trial period, no more', () => {
    const run = loopShare(100, 10_000);
    const { share } = run;
    const saturated: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      window(run, { receiverMs: 40, backgroundMs: 45, idleMs: 30 });
      saturated.push(share.saturated);
    }
    expect(saturated).toEqual([true, false, false, false, false]);
  });

  it('a busy loop with no captures arriving is not the receiver: API reads while the background catches up', () => {
    const run = loopShare(100, 0);
    const { share } = run;
    window(run, { idleMs: 110 });
    window(run, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
    for (let i = 0; i < 3; i++) {
      window(run, { receiverMs: 80, backgroundMs: 30, arrivals: 0 });
      expect(share.saturated).toBe(false);
    }
  });

  it('the background catching up on its own fills the loop, but is not a burst', () => {
    const run = loopShare(100, 0);
    const { share } = run;
    for (let i = 0; i < 4; i++) {
      window(run, { receiverMs: 2, backgroundMs: 110 });
      expect(share.saturated).toBe(false);
    }
    expect(share.loopBusy).toBeGreaterThan(0.97);
    expect(share.receiverShare).toBeLessThan(0.15);
  });
});
