import type { DictionaryEntryRow } from '../../../../electron/shared/contract/decode';

export interface EntryFilter {
  text: string;
  vendor: string;
  kind: string;
}

/**
 * Case-insensitive match on ID, label, other names, the activity, vendor and kind; every word must match. Exact ID or
 * label matches come first, then labels that start with the text, then the rest in dictionary order.
 */
export function filterEntries(rows: DictionaryEntryRow[], filter: EntryFilter): DictionaryEntryRow[] {
  const text = filter.text.trim().toLowerCase();
  const words = text.split(/\s+/).filter(Boolean);
  const matches = rows.filter((r) => {
    if (filter.vendor && r.vendor !== filter.vendor) return false;
    if (filter.kind && r.kind !== filter.kind) return false;
    if (words.length === 0) return true;
    const hay =
      `${r.id} ${r.label} ${r.altLabels.join(' ')} ${r.activityId ?? ''} ${r.displayType ?? ''} ${r.vendor} ${r.kind}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  if (words.length === 0) return matches;
  const rank = (r: DictionaryEntryRow) => {
    const label = r.label.toLowerCase();
    if (r.id.toLowerCase() === text || label === text) return 0;
    return label.startsWith(text) ? 1 : 2;
  };
  return matches
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map(({ r }) => r);
}
