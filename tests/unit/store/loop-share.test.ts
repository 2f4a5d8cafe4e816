import { describe, expect, it } from 'vitest';
import { LoopShare } from '../../../electron/engine/store/loop-share';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LoopShare', () => {
  it('calls the receiver saturated only while keeping up would take the background most of the loop', async () => {
    const share = new LoopShare();
    share.note('file', 4, 100); // 40 µs a capture
    share.note('index', 6, 100); // 60 µs a capture
    share.arrived(300); // 30 ms of background work in a ≥ 110 ms window: at most 27 %
    await sleep(110);
    share.arrived(0);
    expect(share.saturated).toBe(false);

    share.arrived(5_000); // 500 ms of work in a window of a few hundred ms at most
    await sleep(110);
    share.arrived(0);
    expect(share.saturated).toBe(true);

    await sleep(110); // the burst is over: nothing arrived in the last window
    share.arrived(0);
    expect(share.saturated).toBe(false);
  });

  it('counts what the receiver itself used of the loop, apart from the background slices', async () => {
    const busyFor = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        /* the receiver answering requests */
      }
    };
    const share = new LoopShare();
    share.note('file', 10, 100); // 100 µs a capture
    share.arrived(0);
    await sleep(110);
    share.arrived(0); // start a fresh window

    // 40 ms of background demand with the loop otherwise idle: room for both.
    share.arrived(400);
    await sleep(110);
    share.arrived(0);
    expect(share.saturated).toBe(false);

    // The same demand while the receiver keeps the loop busy for most of the window: no room.
    share.arrived(400);
    busyFor(100);
    await sleep(15);
    share.arrived(0);
    expect(share.saturated).toBe(true);

    // Background slices themselves are not the receiver's time: a backlog caught up flat out is not saturation.
    share.arrived(100); // 10 ms of demand
    for (let i = 0; i < 9; i++) {
      busyFor(10);
      share.note('index', 10, 0);
    }
    await sleep(15);
    share.arrived(0);
    expect(share.saturated).toBe(false);
  });

  it('weighs what each task has cost a capture lately, not its first slice alone', async () => {
    const share = new LoopShare();
    share.note('file', 0.1, 100); // 1 µs a capture at first…
    for (let i = 0; i < 40; i++) share.note('file', 20, 100); // …then 200 µs
    share.arrived(1_000); // 200 ms of work in a ≥ 110 ms window
    await sleep(110);
    share.arrived(0);
    expect(share.saturated).toBe(true);
  });
});
