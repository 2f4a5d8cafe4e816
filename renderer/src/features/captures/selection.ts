/** List selection: `active` is the row shown in the detail pane, `ids` the multi-selection, `anchor` for shift ranges. */
export interface Selection {
  active: number | null;
  anchor: number | null;
  ids: ReadonlySet<number>;
}

export const emptySelection: Selection = { active: null, anchor: null, ids: new Set() };

export const single = (id: number): Selection => ({ active: id, anchor: id, ids: new Set([id]) });
