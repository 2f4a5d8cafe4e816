import type { CaptureSummary } from '../../../../electron/shared/contract/captures';

/** In a list sorted newest (highest id) first, the index of the first capture with an id at or below `id`. */
export function firstAtOrBelow(items: readonly CaptureSummary[], id: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.id > id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a list sorted newest first holds the capture `id`: a binary search, for lists of tens of thousands. */
export function isListed(items: readonly CaptureSummary[], id: number): boolean {
  return items[firstAtOrBelow(items, id)]?.id === id;
}
