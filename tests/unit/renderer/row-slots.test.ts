import { describe, expect, it } from 'vitest';
import { RowSlots } from '../../../renderer/src/features/captures/row-slots';

describe('RowSlots', () => {
  it('keeps the slot of a row that stays and hands freed slots to rows that enter', () => {
    const slots = new RowSlots();
    const first = new Map(slots.assign([10, 11, 12, 13]));
    expect([...first.values()].sort()).toEqual([0, 1, 2, 3]);
    // Scroll by two rows: 12 and 13 stay where they were, 14 and 15 take the slots 10 and 11 left.
    const second = slots.assign([12, 13, 14, 15]);
    expect(second.get(12)).toBe(first.get(12));
    expect(second.get(13)).toBe(first.get(13));
    expect(new Set([second.get(14), second.get(15)])).toEqual(new Set([first.get(10), first.get(11)]));
    expect(second.has(10)).toBe(false);
  });

  it('a jump past the whole window reuses every slot; a bigger window adds slots; reset starts over', () => {
    const slots = new RowSlots();
    slots.assign([1, 2, 3]);
    expect([...slots.assign([100, 101, 102]).values()].sort()).toEqual([0, 1, 2]);
    expect([...slots.assign([100, 101, 102, 103, 104]).values()].sort()).toEqual([0, 1, 2, 3, 4]);
    slots.reset();
    expect([...slots.assign([7]).values()]).toEqual([0]);
  });
});
