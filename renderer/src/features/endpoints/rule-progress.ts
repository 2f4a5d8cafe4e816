import type { Endpoint } from '../../../../electron/shared/contract/endpoints';

/** How far a counting rule has got ("2 of 3 failures used", "next: step 3 of 5"), or null for one that counts nothing. */
export function ruleProgressText(e: Endpoint): string | null {
  const counted = e.ruleRequests ?? 0;
  const b = e.rule.behaviour;
  switch (b.kind) {
    case 'fail-first': {
      // A failure given back (its sender left during the delay) goes to a later request, so it is still to come.
      const givenBack = e.ruleStepsGivenBack ?? [];
      const handedOut = counted + givenBack.length;
      const toCome = givenBack.filter((step) => step < b.count).length + Math.max(0, b.count - handedOut);
      return `${b.count - toCome} of ${b.count} failures used`;
    }
    case 'sequence': {
      // The next request takes the lowest step given back, which may come before the count.
      const next = e.ruleNextStep ?? counted;
      return `next: step ${Math.min(next, b.statuses.length - 1) + 1} of ${b.statuses.length}`;
    }
    default:
      return null;
  }
}
