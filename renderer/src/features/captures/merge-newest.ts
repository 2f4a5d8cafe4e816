import type { CaptureSummary } from '../../../../electron/shared/contract/captures';

/**
 * The list (newest first) with `fresh` captures merged in: those newer than its top, and those that fall inside the
 * loaded range without being in it (a search's matches the index reached late, captures restored under their old
 * ids). Below the loaded range nothing is added while more pages remain: loading them brings those.
 */
export function mergeNewest(
  list: readonly CaptureSummary[],
  fresh: readonly CaptureSummary[],
  morePagesBelow: boolean,
): CaptureSummary[] {
  if (fresh.length === 0) return list as CaptureSummary[];
  const top = list[0]?.id ?? -Infinity;
  const bottom = morePagesBelow && list.length > 0 ? list[list.length - 1]!.id : -Infinity;
  const seen = new Set<number>();
  const newer: CaptureSummary[] = [];
  const inside: CaptureSummary[] = [];
  let present: Set<number> | null = null;
  for (const c of fresh) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    if (c.id > top) newer.push(c);
    else if (c.id > bottom) {
      present ??= new Set(list.map((x) => x.id));
      if (!present.has(c.id)) inside.push(c);
    }
  }
  if (newer.length === 0 && inside.length === 0) return list as CaptureSummary[];
  newer.sort((a, b) => b.id - a.id);
  if (inside.length === 0) return newer.concat(list);
  return newer.concat(list, inside).sort((a, b) => b.id - a.id);
}
