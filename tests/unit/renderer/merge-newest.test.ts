import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../electron/shared/contract/captures';
import { mergeNewest } from '../../../renderer/src/features/captures/merge-newest';

const c = (id: number) => ({ id }) as CaptureSummary;
const ids = (list: CaptureSummary[]) => list.map((x) => x.id);

describe('mergeNewest', () => {
  it('puts newer captures on top, newest first, without duplicates', () => {
    expect(ids(mergeNewest([c(5), c(3)], [c(7), c(6), c(7)], true))).toEqual([7, 6, 5, 3]);
  });

  it('fills captures missing inside the loaded range (a search reached them late) in id order', () => {
    expect(ids(mergeNewest([c(10), c(4), c(2)], [c(12), c(8), c(4), c(3)], true))).toEqual([
      12, 10, 8, 4, 3, 2,
    ]);
  });

  it('adds nothing below the loaded range while more pages remain, everything when the list is all loaded', () => {
    expect(ids(mergeNewest([c(10), c(6)], [c(5), c(1)], true))).toEqual([10, 6]);
    expect(ids(mergeNewest([c(10), c(6)], [c(5), c(1)], false))).toEqual([10, 6, 5, 1]);
  });

  it('returns the same list when nothing is new', () => {
    const list = [c(3), c(2)];
    expect(mergeNewest(list, [c(3), c(2)], true)).toBe(list);
    expect(mergeNewest(list, [], true)).toBe(list);
  });
});
