/**
 * Stable slots for the rows of a virtual list: a row that leaves the window frees its slot and a row that enters
 * takes a free one. Keyed by slot, React then updates a leaving row's nodes in place for the entering capture,
 * instead of removing one row and creating another — on a fast scroll that is nearly every row, every frame.
 */
export class RowSlots {
  private readonly slotOf = new Map<number, number>();
  private free: number[] = [];
  private next = 0;

  /** Slots for exactly these ids; ids kept from the last call keep their slot. */
  assign(ids: readonly number[]): ReadonlyMap<number, number> {
    const keep = new Set(ids);
    for (const [id, slot] of this.slotOf)
      if (!keep.has(id)) {
        this.slotOf.delete(id);
        this.free.push(slot);
      }
    for (const id of ids) if (!this.slotOf.has(id)) this.slotOf.set(id, this.free.pop() ?? this.next++);
    return this.slotOf;
  }

  reset(): void {
    this.slotOf.clear();
    this.free = [];
    this.next = 0;
  }
}
