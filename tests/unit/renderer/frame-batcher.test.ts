// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createFrameBatcher } from '../../../renderer/src/state/frame-batcher';

const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

describe('frame batcher', () => {
  it('hands over everything pushed before a frame once, in order', async () => {
    const flushed: number[][] = [];
    const batcher = createFrameBatcher<number>((values) => flushed.push(values));
    batcher.push([1, 2]);
    batcher.push([3]);
    batcher.push([]);
    expect(flushed).toEqual([]);
    await nextFrame();
    expect(flushed).toEqual([[1, 2, 3]]);
    batcher.push([4]);
    await nextFrame();
    await new Promise((r) => setTimeout(r, 150)); // past the fallback timer: it must not flush again
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('flush() hands over now and cancels the scheduled frame; clear() drops what is queued and says how much', async () => {
    const flushed: string[][] = [];
    const batcher = createFrameBatcher<string>((values) => flushed.push(values));
    batcher.push(['a']);
    batcher.flush();
    expect(flushed).toEqual([['a']]);
    batcher.push(['b', 'c']);
    expect(batcher.clear()).toBe(2);
    expect(batcher.clear()).toBe(0);
    await nextFrame();
    await new Promise((r) => setTimeout(r, 150));
    expect(flushed).toEqual([['a']]);
  });
});
