import type { DictionaryEntryRow } from '../../../../electron/shared/contract/decode';

const labelKey = (r: DictionaryEntryRow) => `${r.activityId ?? ''} ${r.id}`;

/**
 * For each ID (and activity) that custom rows label, the row whose label is used: the one from the latest dictionary,
 * as the decoder compiles them (oldest dictionary first, so later ones win).
 */
export function customWinners(rows: DictionaryEntryRow[]): Map<string, DictionaryEntryRow> {
  const winners = new Map<string, DictionaryEntryRow>();
  for (const r of rows) {
    if (r.origin !== 'custom' || r.dictionaryId === null) continue;
    const held = winners.get(labelKey(r));
    if (!held || (held.dictionaryId ?? -1) < r.dictionaryId) winners.set(labelKey(r), r);
  }
  return winners;
}

/** The custom row used instead of this one, or null when this one is used (or is not a custom row). */
export function overriddenBy(
  row: DictionaryEntryRow,
  winners: Map<string, DictionaryEntryRow>,
): DictionaryEntryRow | null {
  if (row.origin !== 'custom') return null;
  const winner = winners.get(labelKey(row));
  return winner && winner.dictionaryId !== row.dictionaryId ? winner : null;
}
