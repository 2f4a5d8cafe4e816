import { describe, expect, it } from 'vitest';
import { LoopShare } from '../../../electron/engine/store/loop-share';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The receiver answering requests: the loop busy outside any background slice. */
const receiverBusyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
};

/** One measured window of at least 100 ms: `arrivals` captures, the receiver busy for `receiverMs` of it. */
async function window(share: LoopShare, arrivals: number, receiverMs: number) {
  share.arrived(arrivals);
  receiverBusyFor(receiverMs);
  await sleep(Math.max(10, 112 - receiverMs));
  share.arrived(0);
}

describe('LoopShare', () => {
  it('calls the receiver saturated while it uses most of the loop and the rest cannot hold the background', async () => {
    const share = new LoopShare();
    share.note('file', 4, 100); // 40 µs a capture
    share.note('index', 6, 100); // 60 µs a capture
    await window(share, 0, 0); // start a clean window

    await window(share, 300, 0); // 30 ms of background work, the receiver idle
    expect(share.saturated).toBe(false);

    await window(share, 1_000, 100); // a burst: the receiver busy ~90 % and 100 ms of background demand
    expect(share.saturated).toBe(true);
    expect(share.receiverShare).toBeGreaterThan(0.5);

    await window(share, 0, 0); // the burst is over
    expect(share.saturated).toBe(false);
  });

  it('lets a steady load that leaves the receiver most of the loop idle catch up flat out, even when the sum is high', async () => {
    const share = new LoopShare();
    share.note('file', 3, 100); // 30 µs a capture
    share.note('index', 6, 100); // 60 µs a capture
    await window(share, 0, 0);
    // The receiver busy about a third of the window, the estimate of background demand about two thirds: the old rules
    // (demand over 60 %, or the sum over 95 %) called this a burst and let the index fall seconds behind at 5k/s.
    await window(share, 1_500, 38);
    expect(share.receiverShare).toBeLessThan(0.5);
    expect(share.receiverShare + share.demandShare).toBeGreaterThan(0.95);
    expect(share.saturated).toBe(false);
  });

  it('does not count background slices as the receiver’s time', async () => {
    const share = new LoopShare();
    share.note('file', 10, 100); // 100 µs a capture
    await window(share, 0, 0);
    share.arrived(100);
    for (let i = 0; i < 9; i++) {
      receiverBusyFor(10); // …but inside a background slice, so reported as one
      share.note('index', 10, 0);
    }
    await sleep(15);
    share.arrived(0);
    expect(share.receiverShare).toBeLessThan(0.3);
    expect(share.saturated).toBe(false);
  });

  it('weighs what each task has cost a capture lately, not its first slice alone', async () => {
    const share = new LoopShare();
    share.note('file', 0.1, 100); // 1 µs a capture at first…
    for (let i = 0; i < 40; i++) share.note('file', 20, 100); // …then 200 µs
    await window(share, 0, 0);
    await window(share, 500, 100); // 100 ms of demand, the receiver busy ~90 %
    expect(share.demandShare).toBeGreaterThan(0.8);
    expect(share.saturated).toBe(true);
  });
});
