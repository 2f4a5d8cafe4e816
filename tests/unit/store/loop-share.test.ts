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
