import type { DictionaryEntryRow } from '../../../../electron/shared/contract/decode';

export interface EntryFilter {
  text: string;
  vendor: string;
  kind: string;
}

/** Case-insensitive match on ID, label, other names and the activity; every word must match. */
export function filterEntries(rows: DictionaryEntryRow[], filter: EntryFilter): DictionaryEntryRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (filter.vendor && r.vendor !== filter.vendor) return false;
    if (filter.kind && r.kind !== filter.kind) return false;
    if (words.length === 0) return true;
    const hay =
      `${r.id} ${r.label} ${r.altLabels.join(' ')} ${r.activityId ?? ''} ${r.displayType ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
