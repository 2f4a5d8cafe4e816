import type { Endpoint } from '../../../../electron/shared/contract/endpoints';

/** How far a counting rule has got ("2 of 3 failures used", "next: step 3 of 5"), or null for one that counts nothing. */
export function ruleProgressText(e: Endpoint): string | null {
  const counted = e.ruleRequests ?? 0;
  const b = e.rule.behaviour;
  switch (b.kind) {
    case 'fail-first':
      return `${Math.min(counted, b.count)} of ${b.count} failures used`;
    case 'sequence':
      return `next: step ${Math.min(counted, b.statuses.length - 1) + 1} of ${b.statuses.length}`;
    default:
      return null;
  }
}
