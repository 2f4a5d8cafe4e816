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

/**
 * The custom row used instead of this one, or null when this one is used: a custom label replaces the built-in one of
 * its ID, and a later dictionary's label an earlier one's.
 */
export function overriddenBy(
  row: DictionaryEntryRow,
  winners: Map<string, DictionaryEntryRow>,
): DictionaryEntryRow | null {
  const winner = winners.get(labelKey(row));
  if (!winner) return null;
  if (row.origin === 'built-in') return winner.vendor === row.vendor ? winner : null;
  return row.origin === 'custom' && winner.dictionaryId !== row.dictionaryId ? winner : null;
}
