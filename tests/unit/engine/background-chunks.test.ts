import { describe, expect, it } from 'vitest';
import { allChunks, backgroundChunks } from '../../../electron/engine/util/background-chunks';

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
  it('allChunks runs chunks until one does nothing and returns the sum', () => {
    const work = chunksOf(2_500, 1_000);
    expect(allChunks(work.chunk)).toBe(2_500);
    expect(work.calls).toEqual([1_000, 1_000, 500, 0]);
    expect(allChunks(() => 0)).toBe(0);
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
