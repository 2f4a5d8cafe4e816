import { describe, expect, it } from 'vitest';
import { backgroundChunks, chunksInTurns } from '../../../electron/engine/util/background-chunks';

const chunksOf = (total: number, size: number) => {
  let left = total;
  const calls: number[] = [];
  const chunk = () => {
    const n = Math.min(size, left);
    left -= n;
    calls.push(n);
    return n;
  };
  return { chunk, calls, left: () => left };
};

describe('chunked work', () => {
  it('chunksInTurns runs one chunk per event-loop turn until one does nothing, resolving with the sum', async () => {
    const work = chunksOf(2_500, 1_000);
    const done = chunksInTurns(work.chunk);
    expect(work.calls).toEqual([1_000]); // the rest waits for later turns: other work runs in between
    await new Promise((r) => setImmediate(r));
    expect(work.calls).toEqual([1_000, 1_000]);
    expect(await done).toBe(2_500);
    expect(work.calls).toEqual([1_000, 1_000, 500, 0]);
    expect(await chunksInTurns(() => 0)).toBe(0);
    await expect(
      chunksInTurns(() => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
  });

  it('backgroundChunks runs one chunk per event-loop turn, ignores triggers while running, and reports errors', async () => {
    const work = chunksOf(2_500, 1_000);
    const errors: unknown[] = [];
    const start = backgroundChunks(work.chunk, (e) => errors.push(e));
    start();
    start(); // already running: ignored
    expect(work.calls).toEqual([1_000]);
    await new Promise((r) => setImmediate(r));
    expect(work.calls).toEqual([1_000, 1_000]);
    await new Promise((r) => setTimeout(r, 10));
    expect(work.calls).toEqual([1_000, 1_000, 500, 0]);

    let fail = true;
    const flaky = backgroundChunks(
      () => {
        if (fail) throw new Error('busy');
        return 0;
      },
      (e) => errors.push(e),
    );
    flaky();
    expect(errors).toHaveLength(1);
    fail = false;
    flaky(); // a failed run ended: the next trigger runs again
    expect(errors).toHaveLength(1);
  });
});
