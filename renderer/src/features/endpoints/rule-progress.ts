import type { Endpoint } from '../../../../electron/shared/contract/endpoints';

/** How far a counting rule has got ("2 of 3 failures used", "next: step 3 of 5"), or null for one that counts nothing. */
export function ruleProgressText(e: Endpoint): string | null {
  const counted = e.ruleRequests ?? 0;
  const b = e.rule.behaviour;
  switch (b.kind) {
    case 'fail-first':
      return `${Math.min(counted, b.count)} of ${b.count} failures used`;
    case 'sequence': {
      // The next request takes the lowest step given back, which may come before the count.
      const next = e.ruleNextStep ?? counted;
      return `next: step ${Math.min(next, b.statuses.length - 1) + 1} of ${b.statuses.length}`;
    }
    default:
      return null;
  }
}
