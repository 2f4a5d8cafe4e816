import { describe, expect, it } from 'vitest';
import { LoopShare } from '../../../electron/engine/store/loop-share';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* the loop busy */
  }
};

/**
 * One window of at least 100 ms: the receiver busy for `receiverMs` (answering requests, unless `arrivals` is 0: then
 * busy with something else), background slices for `backgroundMs`, then the loop idle for `idleMs`. Reporting the
 * background time closes the window.
 */
async function window(
  share: LoopShare,
  time: { receiverMs?: number; backgroundMs?: number; idleMs?: number; arrivals?: number },
) {
  const { receiverMs = 0, backgroundMs = 0, idleMs = 0 } = time;
  const arrivals = time.arrivals ?? (receiverMs > 0 ? 1 : 0);
  for (let i = 0; i < arrivals; i++) share.arrived(); // the window is still young: counted, not closed
  busyFor(receiverMs);
  busyFor(backgroundMs);
  if (idleMs > 0) await sleep(idleMs);
  share.note(backgroundMs);
}

describe('LoopShare', () => {
  it('a burst: the loop full with the receiver using most of it; over once the receiver needs less', async () => {
    const share = new LoopShare(100, 3_000);
    await window(share, { idleMs: 110 });
    expect(share.saturated).toBe(false);
    await window(share, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
    expect(share.receiverShare).toBeGreaterThan(0.8);
    await window(share, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
    await window(share, { receiverMs: 20, idleMs: 100 });
    expect(share.saturated).toBe(false);
  });

  it('a burst stays a burst while the loop stays full, even in a window where the receiver has less than half', async () => {
    const share = new LoopShare(100, 3_000);
    await window(share, { idleMs: 110 });
    await window(share, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
    await window(share, { receiverMs: 50, backgroundMs: 62 }); // a checkpoint, a collection: the loop still full
    expect(share.saturated).toBe(true);
    await window(share, { receiverMs: 50, backgroundMs: 5, idleMs: 60 }); // the loop has room: over
    expect(share.saturated).toBe(false);
  });

  it('a burst that began with the background flat out is found by a trial, and then stays a burst', async () => {
    const share = new LoopShare(100, 300);
    await window(share, { idleMs: 110 });
    // The receiver has a third of a full loop: try it as saturated…
    await window(share, { receiverMs: 40, backgroundMs: 75 });
    expect(share.loopBusy).toBeGreaterThan(0.97);
    expect(share.saturated).toBe(true);
    // …and the receiver takes what the background leaves: a burst.
    await window(share, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
  });

  it('a steady load near capacity gets one trial window, then the background runs flat out; trials are rationed', async () => {
    const share = new LoopShare(100, 300);
    await window(share, { idleMs: 110 });
    await window(share, { receiverMs: 40, backgroundMs: 75 }); // the loop full: a trial
    expect(share.saturated).toBe(true);
    await window(share, { receiverMs: 30, backgroundMs: 5, idleMs: 80 }); // the receiver did not take the room
    expect(share.saturated).toBe(false);
    await window(share, { receiverMs: 40, backgroundMs: 75 }); // full again, but within 300 ms of the trial
    expect(share.saturated).toBe(false);
    await window(share, { idleMs: 300 });
    await window(share, { receiverMs: 40, backgroundMs: 75 });
    expect(share.saturated).toBe(true);
  });

  it('a steady load that leaves the loop idle part of the time is tried once per trial period, no more', async () => {
    const share = new LoopShare(100, 10_000);
    const saturated: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      await window(share, { receiverMs: 40, backgroundMs: 45, idleMs: 30 });
      saturated.push(share.saturated);
    }
    expect(saturated).toEqual([true, false, false, false, false]);
  });

  it('a busy loop with no captures arriving is not the receiver: API reads while the background catches up', async () => {
    const share = new LoopShare(100, 0);
    await window(share, { idleMs: 110 });
    await window(share, { receiverMs: 105, backgroundMs: 5 });
    expect(share.saturated).toBe(true);
    for (let i = 0; i < 3; i++) {
      await window(share, { receiverMs: 80, backgroundMs: 30, arrivals: 0 });
      expect(share.saturated).toBe(false);
    }
  });

  it('the background catching up on its own fills the loop, but is not a burst', async () => {
    const share = new LoopShare(100, 0);
    for (let i = 0; i < 4; i++) {
      await window(share, { receiverMs: 2, backgroundMs: 110 });
      expect(share.saturated).toBe(false);
    }
    expect(share.loopBusy).toBeGreaterThan(0.97);
    expect(share.receiverShare).toBeLessThan(0.15);
  });
});
