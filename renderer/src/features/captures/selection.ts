/** List selection: `active` is the row shown in the detail pane, `ids` the multi-selection, `anchor` for shift ranges. */
export interface Selection {
  active: number | null;
  anchor: number | null;
  ids: ReadonlySet<number>;
}

export const emptySelection: Selection = { active: null, anchor: null, ids: new Set() };

export const single = (id: number): Selection => ({ active: id, anchor: id, ids: new Set([id]) });

/** The selection without these (deleted) captures: none of them stays selected, active or the anchor of a range. */
export function withoutIds(selection: Selection, removed: readonly number[]): Selection {
  const gone = new Set(removed);
  if (![selection.active, selection.anchor, ...selection.ids].some((id) => id !== null && gone.has(id)))
    return selection;
  const active = selection.active !== null && gone.has(selection.active) ? null : selection.active;
  return {
    active,
    anchor: selection.anchor !== null && gone.has(selection.anchor) ? active : selection.anchor,
    ids: new Set([...selection.ids].filter((id) => !gone.has(id))),
  };
}

/**
 * Ctrl/⌘-click: adds the capture and shows it, or takes it out. A row taken out is not shown: the active row stays
 * if still selected, else the most recently selected one left (ids keep the order they were added in), else none.
 */
export function toggled(selection: Selection, id: number): Selection {
  if (!selection.ids.has(id)) return { active: id, anchor: id, ids: new Set([...selection.ids, id]) };
  const ids = new Set(selection.ids);
  ids.delete(id);
  const active =
    selection.active !== null && ids.has(selection.active) ? selection.active : ([...ids].at(-1) ?? null);
  return { active, anchor: selection.anchor === id ? active : selection.anchor, ids };
}
